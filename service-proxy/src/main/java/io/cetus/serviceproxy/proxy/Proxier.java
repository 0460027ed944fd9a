package io.cetus.serviceproxy.proxy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cetus.controller.reconcile.Request;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;

/**
 * The data plane: listening channels and balancers per service port, on one Netty event loop group
 * shared by every listener and connection (no thread per connection).
 *
 * <p>A service port listens on its frontends only while it has ready endpoints: with none, nothing
 * listens there and clients get "connection refused" from the kernel, as Kubernetes' REJECT rule
 * gives them; it listens again as soon as an endpoint appears. Closing a listener leaves the
 * connections it accepted to finish (they drain); new connections go to the endpoints of the latest
 * update only.
 *
 * <p>{@link #apply} and {@link #remove} for one service are called by one thread at a time (the
 * controller guarantees it for a key); different services may be applied concurrently.
 */
final class Proxier implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Proxier.class);
  private static final Duration BIND_TIMEOUT = Duration.ofSeconds(5);

  /**
   * Per direction, what the proxy holds for a side that does not read (backpressure). Above the
   * largest read, so a bulk transfer keeps reading while the last read drains (docs/design/
   * services.md, Data path).
   */
  static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(256 * 1024, 1024 * 1024);

  /** Read buffers that grow with a bulk transfer (fewer system calls) and shrink for chatter. */
  private static final AdaptiveRecvByteBufAllocator READS =
      new AdaptiveRecvByteBufAllocator(512, 16 * 1024, 1024 * 1024);

  private static final ChannelHandler NO_HANDLER = new Unhandled();

  private final Transport transport;
  private final EventLoopGroup group;

  /** Connects to endpoints, one per event loop, since a relay's two channels share a loop. */
  private final Map<EventLoop, Bootstrap> endpointsByLoop;

  private final Clock clock;
  private final MeterRegistry registry;
  private final Map<Request, Map<ServicePortName, PortState>> services = new ConcurrentHashMap<>();

  /**
   * Held while an address is checked and listened on. Listeners that share their address ({@code
   * SO_REUSEPORT}, see {@link Transport#listenerPerLoop}) would join one another without an error,
   * so the check ({@link #heldElsewhere}) and the binds of one address must not interleave with
   * another service port's.
   */
  private final Object binding = new Object();

  Proxier(
      Transport transport,
      int eventLoopThreads,
      Duration connectTimeout,
      Clock clock,
      MeterRegistry registry) {
    this.transport = transport;
    this.group = transport.newEventLoopGroup(eventLoopThreads);
    this.clock = clock;
    this.registry = registry;
    Bootstrap endpoints =
        new Bootstrap()
            .group(group)
            .channelFactory(transport.socketChannels())
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeout.toMillis())
            .option(ChannelOption.AUTO_READ, false)
            .option(ChannelOption.ALLOW_HALF_CLOSURE, true)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.SO_KEEPALIVE, true)
            .option(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
            .option(ChannelOption.RCVBUF_ALLOCATOR, READS)
            .handler(NO_HANDLER);
    Map<EventLoop, Bootstrap> byLoop = new HashMap<>();
    group.forEach(
        executor -> {
          EventLoop loop = (EventLoop) executor;
          byLoop.put(loop, endpoints.clone(loop));
        });
    this.endpointsByLoop = Map.copyOf(byLoop);
    log.info(
        "Proxy data plane on Netty {}, {} event loops, connect timeout {}",
        transport.name(),
        endpointsByLoop.size(),
        connectTimeout);
  }

  /** A frontend that could not be listened on. */
  record BindFailure(ServicePortName port, Frontend frontend, String message, boolean isNew) {}

  /**
   * Makes the listeners and balancers of {@code service} match {@code plans}: ports not planned
   * stop, planned ones get their endpoints and listen on their frontends while they have endpoints.
   *
   * @return the frontends that could not be listened on ({@code isNew} when the failure differs
   *     from the last attempt's)
   */
  List<BindFailure> apply(Request service, List<PortPlan> plans) {
    Map<ServicePortName, PortState> ports =
        services.computeIfAbsent(service, key -> new ConcurrentHashMap<>());
    List<BindFailure> failures = new ArrayList<>();
    Set<ServicePortName> planned = new HashSet<>();
    for (PortPlan plan : plans) {
      planned.add(plan.name());
      PortState port = ports.computeIfAbsent(plan.name(), name -> newPort(name, plan));
      port.balancer().update(plan.endpoints(), plan.affinity());
      Map<InetSocketAddress, Frontend> wanted = new LinkedHashMap<>();
      if (!plan.endpoints().isEmpty()) {
        plan.frontends().forEach(frontend -> wanted.put(frontend.address(), frontend));
      }
      for (InetSocketAddress address : List.copyOf(port.listeners().keySet())) {
        if (!wanted.containsKey(address)) {
          stopListening(port, address, plan.endpoints().isEmpty() ? "no ready endpoints" : "gone");
        }
      }
      port.bindFailures().keySet().retainAll(wanted.keySet());
      for (Frontend frontend : wanted.values()) {
        if (!port.listeners().containsKey(frontend.address())) {
          listen(port, frontend, failures);
        }
      }
    }
    for (ServicePortName name : List.copyOf(ports.keySet())) {
      if (!planned.contains(name)) {
        closePort(ports.remove(name));
      }
    }
    if (ports.isEmpty()) {
      services.remove(service);
    }
    return failures;
  }

  /** Stops every port of {@code service}; its open connections drain. */
  void remove(Request service) {
    Map<ServicePortName, PortState> ports = services.remove(service);
    if (ports != null) {
      ports.values().forEach(this::closePort);
    }
  }

  /** The addresses listened on for {@code service} now. */
  Set<InetSocketAddress> listening(Request service) {
    Set<InetSocketAddress> addresses = new HashSet<>();
    services
        .getOrDefault(service, Map.of())
        .values()
        .forEach(port -> addresses.addAll(port.listeners().keySet()));
    return addresses;
  }

  String transportName() {
    return transport.name();
  }

  private PortState newPort(ServicePortName name, PortPlan plan) {
    String portTag =
        name.port().isEmpty()
            ? String.valueOf(plan.frontends().getFirst().address().getPort())
            : name.port();
    return new PortState(name, new Balancer(clock), new PortMetrics(registry, name, portTag));
  }

  private void listen(PortState port, Frontend frontend, List<BindFailure> failures) {
    String error = listenOnEveryLoop(port, frontend);
    if (error == null) {
      port.bindFailures().remove(frontend.address());
      log.info(
          "Listening on {} ({}) for {}",
          frontend,
          frontend.kind().name().toLowerCase().replace('_', ' '),
          port.name());
      return;
    }
    String message = "cannot listen on " + frontend + " for " + port.name() + ": " + error;
    boolean isNew = !message.equals(port.bindFailures().put(frontend.address(), message));
    failures.add(new BindFailure(port.name(), frontend, message, isNew));
  }

  /** Binds a listener for each of the transport's listener loops; returns why not, or null. */
  private String listenOnEveryLoop(PortState port, Frontend frontend) {
    synchronized (binding) {
      if (transport.listenerPerLoop()) {
        String held = heldElsewhere(frontend.address());
        if (held != null) {
          return held;
        }
      }
      List<Channel> bound = new ArrayList<>();
      for (EventLoopGroup loop : transport.listenerLoops(group)) {
        String error = bind(port, frontend, loop, bound);
        if (error != null) {
          bound.forEach(Channel::close);
          return error;
        }
      }
      port.listeners().put(frontend.address(), List.copyOf(bound));
      return null;
    }
  }

  /**
   * Why something listens on {@code address} already (another program, or another service port of
   * this proxy), or null: a socket that does not share its address is bound there, which the kernel
   * refuses wherever anything listens, sharing or not, on that address or a wildcard over it.
   */
  private static String heldElsewhere(InetSocketAddress address) {
    try (SocketChannel probe = SocketChannel.open()) {
      probe.setOption(StandardSocketOptions.SO_REUSEADDR, true);
      probe.bind(address);
      return null;
    } catch (IOException e) {
      return String.valueOf(e.getMessage());
    }
  }

  /** Binds one listener on {@code loop}; returns why it failed, or null. */
  private String bind(PortState port, Frontend frontend, EventLoopGroup loop, List<Channel> bound) {
    ServerBootstrap server =
        new ServerBootstrap()
            .group(loop, loop)
            .channelFactory(transport.serverChannels())
            .option(ChannelOption.SO_REUSEADDR, true)
            .option(ChannelOption.SO_BACKLOG, 1024)
            .childOption(ChannelOption.AUTO_READ, false)
            .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.SO_KEEPALIVE, true)
            .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
            .childOption(ChannelOption.RCVBUF_ALLOCATOR, READS)
            .childHandler(
                new ChannelInitializer<>() {
                  @Override
                  protected void initChannel(Channel client) {
                    client
                        .pipeline()
                        .addLast(
                            new ClientConnection(
                                port, endpointsByLoop.get(client.eventLoop()), client));
                  }
                });
    transport.shareAddress(server);
    ChannelFuture binding = server.bind(frontend.address());
    if (!binding.awaitUninterruptibly(BIND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
      binding.channel().close();
      return "binding did not finish within " + BIND_TIMEOUT;
    }
    if (!binding.isSuccess()) {
      return String.valueOf(binding.cause().getMessage());
    }
    bound.add(binding.channel());
    return null;
  }

  private void stopListening(PortState port, InetSocketAddress address, String why) {
    List<Channel> listeners = port.listeners().remove(address);
    if (listeners != null) {
      listeners.forEach(listener -> listener.close().awaitUninterruptibly(BIND_TIMEOUT.toMillis()));
      log.info(
          "Stopped listening on {}:{} for {} ({})",
          address.getAddress().getHostAddress(),
          address.getPort(),
          port.name(),
          why);
    }
  }

  private void closePort(PortState port) {
    for (InetSocketAddress address : List.copyOf(port.listeners().keySet())) {
      stopListening(port, address, "port removed");
    }
    port.metrics().close();
  }

  /** Stops listening everywhere and closes every connection. */
  @Override
  public void close() {
    for (Request service : List.copyOf(services.keySet())) {
      remove(service);
    }
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
  }

  /** The endpoint side's pipeline until the relay is added: nothing is read before that. */
  @ChannelHandler.Sharable
  private static final class Unhandled extends ChannelInboundHandlerAdapter {}
}
