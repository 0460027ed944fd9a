package io.cetus.nodeagent.probe;

import java.time.Duration;

/**
 * Runs probe workers periodically. The production one is {@link ExecutorProbeScheduler}; tests use
 * one they tick by hand, so no test waits for wall-clock time.
 */
public interface ProbeScheduler {

  /** Runs {@code task} after {@code initialDelay}, then every {@code period}, until cancelled. */
  Runnable schedule(Runnable task, Duration initialDelay, Duration period);
}
