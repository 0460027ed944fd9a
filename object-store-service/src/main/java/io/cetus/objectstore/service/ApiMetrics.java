package io.cetus.objectstore.service;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

import io.cetus.api.resource.ResourceType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The API server's own meters, next to Boot's {@code http.server.requests}: {@code
 * cetus.objectstore.watches.active} (open watches, HTTP and WebSocket) and {@code
 * cetus.objectstore.writes} (stored writes by resource and verb).
 */
@Component
public class ApiMetrics {

  private final MeterRegistry registry;
  private final AtomicInteger activeWatches = new AtomicInteger();
  private final Map<WriteKey, Counter> writes = new ConcurrentHashMap<>();

  ApiMetrics(MeterRegistry registry) {
    this.registry = registry;
    Gauge.builder("cetus.objectstore.watches.active", activeWatches, AtomicInteger::get)
        .description("Watches currently open")
        .register(registry);
  }

  void watchOpened() {
    activeWatches.incrementAndGet();
  }

  void watchClosed() {
    activeWatches.decrementAndGet();
  }

  public int activeWatches() {
    return activeWatches.get();
  }

  /** One stored write; {@code verb} is create, update, patch or delete. */
  void write(ResourceType type, String verb) {
    // Looked up once per (resource, verb): building and registering a meter on every write cost
    // several allocations and a registry lookup per request.
    writes.computeIfAbsent(new WriteKey(type, verb), this::writeCounter).increment();
  }

  private Counter writeCounter(WriteKey key) {
    return Counter.builder("cetus.objectstore.writes")
        .description("Objects written, by resource and verb")
        .tag("resource", key.type().qualifiedPlural())
        .tag("verb", key.verb())
        .register(registry);
  }

  private record WriteKey(ResourceType type, String verb) {}
}
