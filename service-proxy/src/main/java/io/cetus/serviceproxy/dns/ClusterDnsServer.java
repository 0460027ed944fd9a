package io.cetus.serviceproxy.dns;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import io.cetus.api.core.Endpoints;
import io.cetus.api.core.Service;
import io.cetus.client.informer.SharedInformer;
import io.cetus.client.informer.SharedInformerFactory;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.codec.dns.DatagramDnsQueryDecoder;
import io.netty.handler.codec.dns.DatagramDnsResponseEncoder;
import io.netty.handler.codec.dns.TcpDnsQueryDecoder;
import io.netty.handler.codec.dns.TcpDnsResponseEncoder;
import io.netty.handler.timeout.ReadTimeoutHandler;
import io.netty.util.NetUtil;

/**
 * The cluster DNS: UDP and TCP on one address and port, answered by a {@link DnsQueryHandler} on
 * one event loop thread.
 *
 * <pre>
 *   start ──► take the address, bind UDP then TCP ──ok──► serving
 *                ▲                  │ no interface on the pods' subnet yet: health UP, waiting
 *                │                  │ failed otherwise (port taken, no permission, …): DOWN
 *                └── after bindRetry┘   with the reason
 *   stop ──► channels closed, event loop shut down (the address stays: it is harmless and the
 *            next start takes it again)
 * </pre>
 */
public final class ClusterDnsServer implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ClusterDnsServer.class);
  private static final int TCP_IDLE_SECONDS = 30;
  private static final int FREE_PORT_ATTEMPTS = 5;

  /**
   * Whether it serves, where, and if not, why.
   *
   * @param waiting it does not serve because the pods' network does not exist yet: not a failure
   * @param problem why it does not serve; {@code null} while it serves
   */
  public record Status(
      boolean serving,
      boolean waiting,
      InetSocketAddress address,
      List<InetSocketAddress> upstream,
      @Nullable String problem) {}

  private final DnsAddress address;
  private final int port;
  private final ClusterZone zone;
  private final Upstream upstream;
  private final Duration bindRetry;
  private final NettyTransport transport;
  private @Nullable EventLoopGroup group;
  private @Nullable ScheduledExecutorService binder;
  private @Nullable Channel udp;
  private @Nullable Channel tcp;
  private volatile Status status;
  private volatile boolean running;

  ClusterDnsServer(
      DnsAddress address,
      int port,
      ClusterZone zone,
      Upstream upstream,
      Duration bindRetry,
      NettyTransport transport) {
    this.address = address;
    this.port = port;
    this.zone = zone;
    this.upstream = upstream;
    this.bindRetry = bindRetry;
    this.transport = transport;
    this.status =
        new Status(
            false,
            false,
            new InetSocketAddress(address.address(), port),
            upstream.servers(),
            "not started");
  }

  /**
   * The server of {@code properties}, answering from the Service and Endpoints informers of {@code
   * informers}.
   *
   * @param podSubnet the pods' subnet, where the interface to hold the address is found
   */
  public static ClusterDnsServer create(
      DnsProperties properties, SharedInformerFactory informers, @Nullable String podSubnet) {
    byte[] ip = NetUtil.createByteArrayFromIpAddressString(properties.address());
    if (ip == null) {
      throw new IllegalArgumentException(
          "platform.service-proxy.dns.address is no IP address: " + properties.address());
    }
    InetAddress address;
    try {
      address = InetAddress.getByAddress(ip);
    } catch (UnknownHostException impossible) {
      throw new IllegalArgumentException(properties.address(), impossible);
    }
    SharedInformer<Service> services = informers.forType(Service.class);
    SharedInformer<Endpoints> endpoints = informers.forType(Endpoints.class);
    ClusterZone zone =
        new ClusterZone(
            properties.clusterDomain(),
            services.lister(),
            endpoints.lister(),
            () -> services.hasSynced() && endpoints.hasSynced(),
            properties.ttl().toSeconds());
    NettyTransport transport = NettyTransport.best();
    Upstream upstream =
        new Upstream(
            UpstreamServers.of(properties.upstream(), properties.resolvConf(), address),
            properties.upstreamTimeout(),
            transport);
    return new ClusterDnsServer(
        new DnsAddress(address, podSubnet, DnsAddress::runProcess),
        properties.port(),
        zone,
        upstream,
        properties.bindRetry(),
        transport);
  }

  public Status status() {
    return status;
  }

  @Override
  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    group = transport.newGroup(1);
    binder =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "cluster-dns-bind");
              thread.setDaemon(true);
              return thread;
            });
    binder.execute(this::bindOrRetry);
  }

  private void bindOrRetry() {
    try {
      address.ensureLocal();
      bind();
      log.info(
          "Cluster DNS for {} serves on {} (UDP and TCP), upstream {}",
          zone.name(),
          status.address(),
          upstream.servers());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      if (!running) {
        return; // stopped meanwhile
      }
      String problem = Objects.requireNonNullElse(e.getMessage(), e.toString());
      boolean waiting = e instanceof DnsAddress.NoPodsNetworkException;
      if (!problem.equals(status.problem())) {
        if (waiting) {
          log.info(
              "Cluster DNS waits for the pods' network, looking every {}: {}", bindRetry, problem);
        } else {
          log.warn("Cluster DNS cannot serve yet, retrying every {}: {}", bindRetry, problem);
        }
      }
      status = new Status(false, waiting, status.address(), upstream.servers(), problem);
      synchronized (this) {
        if (running && binder != null) {
          binder.schedule(this::bindOrRetry, bindRetry.toMillis(), TimeUnit.MILLISECONDS);
        }
      }
    }
  }

  /** Binds UDP, then TCP on the same port; with port 0, on a port free for both. */
  private void bind() throws Exception {
    EventLoopGroup loops = Objects.requireNonNull(group);
    DnsQueryHandler handler = new DnsQueryHandler(zone, upstream);
    Exception last = null;
    for (int attempt = 0; attempt < (port == 0 ? FREE_PORT_ATTEMPTS : 1); attempt++) {
      Channel datagram =
          new Bootstrap()
              .group(loops)
              .channel(transport.datagram())
              .handler(
                  new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel channel) {
                      // the raw encoder first: Netty's response encoder lets raw answers pass
                      channel
                          .pipeline()
                          .addLast(
                              new RawResponseEncoder(),
                              new DatagramDnsResponseEncoder(),
                              new DatagramDnsQueryDecoder(),
                              handler);
                    }
                  })
              .bind(address.address(), port)
              .sync()
              .channel();
      int bound = ((InetSocketAddress) datagram.localAddress()).getPort();
      try {
        Channel stream =
            new ServerBootstrap()
                .group(loops)
                .channel(transport.server())
                .option(ChannelOption.SO_REUSEADDR, true)
                .childHandler(
                    new ChannelInitializer<Channel>() {
                      @Override
                      protected void initChannel(Channel channel) {
                        channel
                            .pipeline()
                            .addLast(
                                new ReadTimeoutHandler(TCP_IDLE_SECONDS),
                                new RawResponseEncoder(),
                                new TcpDnsResponseEncoder(),
                                new TcpDnsQueryDecoder(),
                                handler);
                      }
                    })
                .bind(address.address(), bound)
                .sync()
                .channel();
        synchronized (this) {
          if (!running) {
            datagram.close();
            stream.close();
            return;
          }
          udp = datagram;
          tcp = stream;
        }
        status =
            new Status(
                true,
                false,
                new InetSocketAddress(address.address(), bound),
                upstream.servers(),
                null);
        return;
      } catch (Exception e) {
        datagram.close().sync();
        last = e;
      }
    }
    throw Objects.requireNonNull(last);
  }

  @Override
  public void stop() {
    ScheduledExecutorService stoppedBinder;
    synchronized (this) {
      if (!running) {
        return;
      }
      running = false;
      stoppedBinder = binder;
      binder = null;
    }
    if (stoppedBinder != null) {
      stoppedBinder.shutdownNow();
      try {
        // a bind under way finishes (and, seeing the server stopped, closes what it bound)
        stoppedBinder.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    EventLoopGroup loops;
    synchronized (this) {
      if (udp != null) {
        udp.close();
      }
      if (tcp != null) {
        tcp.close();
      }
      loops = group;
      udp = null;
      tcp = null;
      group = null;
    }
    if (loops != null) {
      loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
    status = new Status(false, false, status.address(), upstream.servers(), "stopped");
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
