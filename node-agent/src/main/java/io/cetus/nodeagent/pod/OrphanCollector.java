package io.cetus.nodeagent.pod;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Removes, every {@code interval}, the containers of this node whose pod no longer exists (Nomad's
 * {@code reconcile_dangling}), but only once the pod informer has synced: before that every pod
 * would look gone.
 */
public final class OrphanCollector implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OrphanCollector.class);

  private final PodAgent agent;
  private final Duration interval;
  private @Nullable ScheduledExecutorService timer;

  public OrphanCollector(PodAgent agent, Duration interval) {
    this.agent = agent;
    this.interval = interval;
  }

  /** One pass; does nothing until the informer has synced. */
  public void collect() {
    if (!agent.pods().hasSynced()) {
      return;
    }
    try {
      agent.reconciler().collectOrphans();
    } catch (RuntimeException e) {
      log.warn("Could not collect orphaned containers: {}", e.toString());
    }
  }

  @Override
  public synchronized void start() {
    if (timer != null) {
      return;
    }
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "orphan-collector");
              thread.setDaemon(true);
              return thread;
            });
    timer.scheduleWithFixedDelay(
        this::collect, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    if (timer != null) {
      timer.shutdownNow();
      timer = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return timer != null;
  }
}
