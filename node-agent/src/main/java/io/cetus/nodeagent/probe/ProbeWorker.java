package io.cetus.nodeagent.probe;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import org.jspecify.annotations.Nullable;

import io.cetus.api.core.Container;
import io.cetus.api.core.Pod;
import io.cetus.api.core.Probe;

/**
 * Probes one container one way, every {@code periodSeconds} after {@code initialDelaySeconds}. The
 * result flips to success after {@code successThreshold} successes in a row and to failure after
 * {@code failureThreshold} failures in a row (Kubernetes' defaults: 10 s period, 1 s timeout, 1
 * success, 3 failures). Readiness and startup start failed, liveness starts healthy. Liveness and
 * readiness wait until the startup probe (if any) has succeeded; the startup probe itself stops at
 * its first success, so a started container is never restarted by it.
 */
final class ProbeWorker {

  private final Pod pod;
  private final Container container;
  private final String containerId;
  private final @Nullable String podIp;
  private final ProbeKind kind;
  private final Probe probe;
  private final Prober prober;
  private final BooleanSupplier started;
  private final ProbeListener listener;
  private final AtomicBoolean running = new AtomicBoolean();
  private int successes;
  private int failures;
  private volatile boolean result;
  private volatile boolean stopped;
  private @Nullable Runnable cancel;

  ProbeWorker(
      Pod pod,
      Container container,
      String containerId,
      @Nullable String podIp,
      ProbeKind kind,
      Probe probe,
      Prober prober,
      BooleanSupplier started,
      ProbeListener listener) {
    this.pod = pod;
    this.container = container;
    this.containerId = containerId;
    this.podIp = podIp;
    this.kind = kind;
    this.probe = probe;
    this.prober = prober;
    this.started = started;
    this.listener = listener;
    this.result = kind == ProbeKind.LIVENESS;
  }

  void start(ProbeScheduler scheduler) {
    cancel =
        scheduler.schedule(
            this::tick,
            Duration.ofSeconds(Math.max(0, value(probe.initialDelaySeconds(), 0))),
            Duration.ofSeconds(Math.max(1, value(probe.periodSeconds(), 10))));
  }

  void stop() {
    stopped = true;
    if (cancel != null) {
      cancel.run();
    }
  }

  boolean result() {
    return result;
  }

  String containerId() {
    return containerId;
  }

  /** One probe, unless the previous one still runs or the startup probe has not passed. */
  void tick() {
    if (stopped || kind != ProbeKind.STARTUP && !started.getAsBoolean()) {
      return;
    }
    if (!running.compareAndSet(false, true)) {
      return;
    }
    try {
      ProbeResult outcome;
      try {
        outcome =
            prober.probe(
                probe,
                container,
                containerId,
                podIp,
                Duration.ofSeconds(Math.max(1, value(probe.timeoutSeconds(), 1))));
      } catch (RuntimeException e) {
        outcome = ProbeResult.failed(Objects.requireNonNullElse(e.getMessage(), e.toString()));
      }
      if (!stopped) {
        record(outcome);
      }
    } finally {
      running.set(false);
    }
  }

  private synchronized void record(ProbeResult outcome) {
    boolean before = result;
    if (outcome.success()) {
      failures = 0;
      successes++;
      // Liveness and startup need a single success (Kubernetes validates that).
      int threshold = kind == ProbeKind.READINESS ? value(probe.successThreshold(), 1) : 1;
      if (successes >= threshold) {
        result = true;
        if (kind == ProbeKind.STARTUP) {
          stop();
        }
      }
    } else {
      successes = 0;
      failures++;
      listener.probeFailed(pod, container.name(), kind, outcome.message());
      if (failures >= value(probe.failureThreshold(), 3)) {
        result = false;
        if (kind != ProbeKind.READINESS) {
          stopped = true; // the container is restarted; a new worker probes the new one
          listener.containerUnhealthy(pod, container.name(), containerId, kind);
          return;
        }
      }
    }
    if (before != result) {
      listener.resultChanged(pod);
    }
  }

  private static int value(@Nullable Integer value, int defaultValue) {
    return value == null || value <= 0 ? defaultValue : value;
  }
}
