package io.cetus.serviceproxy.proxy;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * The meters of one service port, tagged {@code namespace}, {@code service} and {@code port} (the
 * port's name, or its number when it has none); removed with the port.
 *
 * <ul>
 *   <li>{@code cetus.proxy.connections}: client connections accepted;
 *   <li>{@code cetus.proxy.connections.active}: client connections open now;
 *   <li>{@code cetus.proxy.connect.failures}: connections to an endpoint that failed (refused,
 *       timed out), each of which was retried on the next endpoint;
 *   <li>{@code cetus.proxy.connections.unserved}: client connections closed (reset) because no
 *       endpoint could be reached;
 *   <li>{@code cetus.proxy.bytes}: bytes relayed, {@code direction} {@code to-endpoint} or {@code
 *       to-client}.
 * </ul>
 */
final class PortMetrics implements AutoCloseable {

  static final String CONNECTIONS = "cetus.proxy.connections";
  static final String ACTIVE = "cetus.proxy.connections.active";
  static final String CONNECT_FAILURES = "cetus.proxy.connect.failures";
  static final String UNSERVED = "cetus.proxy.connections.unserved";
  static final String BYTES = "cetus.proxy.bytes";

  private final MeterRegistry registry;
  private final AtomicInteger active = new AtomicInteger();
  final Counter accepted;
  final Counter connectFailures;
  final Counter unserved;
  final Counter bytesToEndpoint;
  final Counter bytesToClient;
  private final List<Meter> meters;

  PortMetrics(MeterRegistry registry, ServicePortName name, String portTag) {
    this.registry = registry;
    Tags tags = Tags.of("namespace", name.namespace(), "service", name.service(), "port", portTag);
    accepted =
        Counter.builder(CONNECTIONS)
            .description("Client connections accepted")
            .tags(tags)
            .register(registry);
    Gauge activeGauge =
        Gauge.builder(ACTIVE, active, AtomicInteger::get)
            .description("Client connections open")
            .tags(tags)
            .register(registry);
    connectFailures =
        Counter.builder(CONNECT_FAILURES)
            .description("Connections to endpoints that failed and were tried on the next endpoint")
            .tags(tags)
            .register(registry);
    unserved =
        Counter.builder(UNSERVED)
            .description("Client connections reset because no endpoint could be reached")
            .tags(tags)
            .register(registry);
    bytesToEndpoint =
        Counter.builder(BYTES)
            .baseUnit("bytes")
            .description("Bytes relayed")
            .tags(tags.and("direction", "to-endpoint"))
            .register(registry);
    bytesToClient =
        Counter.builder(BYTES)
            .baseUnit("bytes")
            .description("Bytes relayed")
            .tags(tags.and("direction", "to-client"))
            .register(registry);
    meters =
        List.of(accepted, activeGauge, connectFailures, unserved, bytesToEndpoint, bytesToClient);
  }

  void opened() {
    accepted.increment();
    active.incrementAndGet();
  }

  void closed() {
    active.decrementAndGet();
  }

  int active() {
    return active.get();
  }

  @Override
  public void close() {
    meters.forEach(registry::remove);
  }
}
