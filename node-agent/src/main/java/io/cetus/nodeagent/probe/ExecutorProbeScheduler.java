package io.cetus.nodeagent.probe;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Ticks probe workers on one timer thread and runs each probe on a virtual thread of its own, so a
 * slow probe delays neither the timer nor other probes. A probe still running when its next tick
 * comes is not started twice: the worker skips that tick.
 */
public final class ExecutorProbeScheduler implements ProbeScheduler, AutoCloseable {

  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "probe-timer");
            thread.setDaemon(true);
            return thread;
          });

  @Override
  public Runnable schedule(Runnable task, Duration initialDelay, Duration period) {
    ScheduledFuture<?> future =
        timer.scheduleAtFixedRate(
            () -> Thread.ofVirtual().name("probe").start(task),
            initialDelay.toMillis(),
            Math.max(1, period.toMillis()),
            TimeUnit.MILLISECONDS);
    return () -> future.cancel(false);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
