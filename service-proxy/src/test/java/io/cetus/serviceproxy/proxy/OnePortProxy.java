package io.cetus.serviceproxy.proxy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.cetus.controller.reconcile.Request;
import io.cetus.serviceproxy.proxy.ServiceProxyProperties.TransportMode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * A {@link Proxier} with one service port on a cluster IP in loopback space, in front of one {@link
 * TestBackend}: the data plane without the controller around it.
 */
final class OnePortProxy implements AutoCloseable {

  static final Request SERVICE = new Request("default", "web");

  /**
   * Far above the proxy's default: these tests are about what the proxy does with connections, and
   * a loaded CI machine must not turn a slow connect into a reset client.
   */
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final Proxier proxier;
  final TestBackend backend;
  final InetSocketAddress front;

  OnePortProxy(TransportMode transport, int eventLoops, TestBackend.Behaviour behaviour)
      throws IOException {
    int net = ThreadLocalRandom.current().nextInt(1, 255);
    backend =
        new TestBackend(
            "a",
            new InetSocketAddress(InetAddress.getByName("127.78." + net + ".1"), 0),
            behaviour);
    proxier =
        new Proxier(Transport.select(transport), eventLoops, TIMEOUT, Clock.systemUTC(), registry);
    front = new InetSocketAddress(InetAddress.getByName("127.77." + net + ".10"), 8080);
  }

  /** Plans the port with the backend as its one endpoint; returns what could not be listened on. */
  List<Proxier.BindFailure> apply() {
    return proxier.apply(
        SERVICE,
        List.of(
            new PortPlan(
                new ServicePortName(SERVICE.namespace(), SERVICE.name(), ""),
                List.of(new Frontend(front, Frontend.Kind.CLUSTER_IP)),
                List.of(backend.address()),
                SessionAffinity.NONE)));
  }

  Socket connect() throws IOException {
    Socket client = new Socket();
    client.setSoTimeout((int) TIMEOUT.toMillis());
    client.connect(front);
    return client;
  }

  /** Bytes relayed in {@code direction} ({@code to-endpoint} or {@code to-client}). */
  double bytes(String direction) {
    return registry.find(PortMetrics.BYTES).tag("direction", direction).counter().count();
  }

  @Override
  public void close() throws IOException {
    proxier.close();
    backend.close();
  }
}
