package io.cetus.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.IntConsumer;

import org.jspecify.annotations.Nullable;

import com.sun.net.httpserver.HttpServer;

/**
 * The demo application's listeners: the demo endpoints on {@link DemoSettings#port()} and, when
 * configured, the proxy on {@link DemoSettings.Proxy#port()}. Requests run on virtual threads, so
 * slow ones ({@code /delay}, a slow backend) never hold up the rest.
 */
final class DemoServer implements AutoCloseable {

  private final @Nullable HttpServer endpoints;
  private final @Nullable HttpServer proxy;
  private final ExecutorService requests;
  private final ScheduledExecutorService leakTicker;

  private DemoServer(
      @Nullable HttpServer endpoints,
      @Nullable HttpServer proxy,
      ExecutorService requests,
      ScheduledExecutorService leakTicker) {
    this.endpoints = endpoints;
    this.proxy = proxy;
    this.requests = requests;
    this.leakTicker = leakTicker;
  }

  /**
   * Binds the listeners the settings ask for and starts serving.
   *
   * @param log where request and event lines go (standard output in production)
   * @param exit ends the application with a code, for {@code /exit}
   * @throws IOException when a port cannot be bound
   * @throws IllegalArgumentException when the proxy target is not {@code host:port}
   */
  static DemoServer start(DemoSettings settings, Clock clock, PrintStream log, IntConsumer exit)
      throws IOException {
    ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();
    ScheduledExecutorService leakTicker =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("memory-leak").daemon().factory());
    HttpServer endpoints = null;
    HttpServer proxy = null;
    try {
      if (settings.port() != null) {
        Router router = new Router();
        new InfoEndpoints(settings, clock).registerOn(router);
        new ProbeEndpoints(log).registerOn(router);
        new MemoryEndpoints(new MemoryHog(leakTicker)).registerOn(router);
        new BulkEndpoint().registerOn(router);
        new ExitEndpoint(exit).registerOn(router);
        endpoints = HttpServer.create(new InetSocketAddress(settings.port()), 0);
        endpoints.createContext("/", router).getFilters().add(new RequestLog("", log, clock));
        endpoints.setExecutor(requests);
      }
      DemoSettings.Proxy proxySettings = settings.proxy();
      if (proxySettings != null) {
        ProxyHandler forwarder = new ProxyHandler(proxySettings.target());
        proxy = HttpServer.create(new InetSocketAddress(proxySettings.port()), 0);
        proxy.createContext("/", forwarder).getFilters().add(new RequestLog("proxy ", log, clock));
        proxy.setExecutor(requests);
      }
    } catch (IOException | RuntimeException e) {
      stop(endpoints);
      stop(proxy);
      requests.shutdownNow();
      leakTicker.shutdownNow();
      throw e;
    }
    if (endpoints != null) {
      endpoints.start();
      log.println(
          "demo-app "
              + settings.version()
              + " on "
              + settings.hostname()
              + " listening on port "
              + endpoints.getAddress().getPort());
    }
    if (proxy != null) {
      proxy.start();
      log.println(
          "proxy listening on port "
              + proxy.getAddress().getPort()
              + ", forwarding to "
              + Objects.requireNonNull(settings.proxy()).target());
    }
    return new DemoServer(endpoints, proxy, requests, leakTicker);
  }

  /** The port of the demo endpoints. */
  int port() {
    if (endpoints == null) {
      throw new IllegalStateException("the demo endpoints are not served");
    }
    return endpoints.getAddress().getPort();
  }

  /** The port of the proxy. */
  int proxyPort() {
    if (proxy == null) {
      throw new IllegalStateException("no proxy is configured");
    }
    return proxy.getAddress().getPort();
  }

  /** Stops listening at once, abandoning requests in flight. */
  @Override
  public void close() {
    stop(endpoints);
    stop(proxy);
    requests.shutdownNow();
    leakTicker.shutdownNow();
  }

  private static void stop(@Nullable HttpServer server) {
    if (server != null) {
      server.stop(0);
    }
  }
}
