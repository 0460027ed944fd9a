package io.cetus.boot;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import io.cetus.client.informer.SharedInformerFactory;
import io.cetus.controller.Controller;
import io.cetus.controller.ControllerManager;
import io.cetus.controller.leader.LeaderCallbacks;
import io.cetus.controller.leader.RedisLeaderElector;
import io.lettuce.core.RedisClient;

/**
 * Runs a service's controllers while it leads:
 *
 * <pre>
 *   start ──► campaigning ──leader──► syncing informers ──synced──► controllers running
 *                 ▲                          │ (waits as long as it takes)      │
 *   (no election: │ skipped)                 └──────── leadership lost ─────────┤
 *                                                                             ▼
 *                                        controllers and informers stopped, then
 *                                        {@link LeadershipLostAction} (default: exit the JVM)
 *   stop ──► lease released, controllers and informers stopped (no action)
 * </pre>
 *
 * Controllers start only once every informer of the shared factory and of the controllers has
 * synced, through a {@link ControllerManager}; a sync that takes longer than the configured timeout
 * is logged and waited for again, since informers retry on their own. Starting runs on a thread of
 * its own, and so does campaigning, which retries until Redis answers: an unreachable object store
 * or Redis never blocks the application's startup or shutdown.
 */
public final class ControllerLifecycle implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ControllerLifecycle.class);
  private static final Duration CAMPAIGN_RETRY = Duration.ofMillis(500);
  private static final Duration MAX_CAMPAIGN_RETRY = Duration.ofSeconds(10);

  private final SharedInformerFactory informers;
  private final List<Controller> controllers;
  private final ControllerMetrics metrics;
  private final Duration syncTimeout;
  private final @Nullable Election election;
  private final LeadershipLostAction leadershipLost;
  private final ExecutorService starter =
      Executors.newSingleThreadExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "platform-controllers-start");
            thread.setDaemon(true);
            return thread;
          });
  private @Nullable RedisLeaderElector elector;
  private @Nullable Future<?> starting;
  private volatile @Nullable ControllerManager manager;
  private volatile boolean running;
  private volatile boolean stopping;
  private volatile boolean leading;
  private volatile boolean controllersStarted;

  /**
   * @param election how to campaign; {@code null} runs the controllers without leader election
   */
  public ControllerLifecycle(
      SharedInformerFactory informers,
      List<Controller> controllers,
      ControllerMetrics metrics,
      Duration syncTimeout,
      @Nullable Election election,
      LeadershipLostAction leadershipLost) {
    this.informers = informers;
    this.controllers = List.copyOf(controllers);
    this.metrics = metrics;
    this.syncTimeout = syncTimeout;
    this.election = election;
    this.leadershipLost = leadershipLost;
  }

  /** Campaigns for the lease {@code {cetus}:lease:<name>} in {@code redis} as {@code identity}. */
  public record Election(RedisClient redis, String name, String identity, Duration leaseDuration) {}

  @Override
  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    controllers.forEach(metrics::bindQueueDepth);
    if (election == null) {
      leading = true;
      startControllers();
      return;
    }
    RedisLeaderElector candidate =
        new RedisLeaderElector(
            election.redis(),
            election.name(),
            election.identity(),
            election.leaseDuration(),
            new Callbacks());
    elector = candidate;
    starting = starter.submit(() -> campaign(candidate));
  }

  /** Starts campaigning once Redis can be reached; a service may start before its Redis. */
  private void campaign(RedisLeaderElector candidate) {
    Duration retry = CAMPAIGN_RETRY;
    while (!stopping) {
      try {
        candidate.start();
        return;
      } catch (RuntimeException unreachable) {
        log.warn(
            "Cannot campaign for leadership yet, retrying in {}: {}",
            retry,
            unreachable.toString());
      }
      try {
        Thread.sleep(retry);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      retry =
          retry.multipliedBy(2).compareTo(MAX_CAMPAIGN_RETRY) > 0
              ? MAX_CAMPAIGN_RETRY
              : retry.multipliedBy(2);
    }
  }

  @Override
  public void stop() {
    RedisLeaderElector current;
    Future<?> pending;
    synchronized (this) {
      if (!running) {
        return;
      }
      stopping = true;
      current = elector;
      pending = starting;
    }
    if (pending != null) {
      pending.cancel(true); // a campaign retrying, or a sync wait
    }
    if (current != null) {
      current.close(); // releases the lease; onStoppedLeading stops the controllers if it led
    }
    stopControllers();
    starter.shutdownNow();
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Whether leader election is on for this service. */
  public boolean electsLeader() {
    return election != null;
  }

  /** This replica's identity in the lease, if it campaigns. */
  public @Nullable String identity() {
    return election == null ? null : election.identity();
  }

  /** Whether this replica should be working: it holds the lease, or there is no election. */
  public boolean leading() {
    return leading;
  }

  /** Whether the informers have synced and the controllers are running. */
  public boolean controllersStarted() {
    return controllersStarted;
  }

  /** The informers controllers wait for, in the factory's order. */
  public SharedInformerFactory informers() {
    return informers;
  }

  public List<Controller> controllers() {
    return controllers;
  }

  private synchronized void startControllers() {
    if (stopping) {
      return;
    }
    ControllerManager next = new ControllerManager().add(informers);
    controllers.forEach(next::add);
    manager = next;
    starting = starter.submit(() -> awaitSyncAndStart(next));
  }

  private void awaitSyncAndStart(ControllerManager next) {
    while (!stopping) {
      try {
        next.start(syncTimeout);
        controllersStarted = true;
        return;
      } catch (IllegalStateException notSynced) {
        log.warn(
            "{}; still waiting before starting {} controllers",
            notSynced.getMessage(),
            controllers.size());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void stopControllers() {
    ControllerManager current;
    synchronized (this) {
      if (starting != null) {
        starting.cancel(true); // ends a sync wait at once
      }
      current = manager;
      manager = null;
    }
    if (current != null) {
      current.stop();
    }
    controllersStarted = false;
    leading = false;
  }

  private final class Callbacks implements LeaderCallbacks {

    @Override
    public void onStartedLeading() {
      leading = true;
      startControllers();
    }

    @Override
    public void onStoppedLeading() {
      stopControllers();
      if (!stopping) {
        log.error("Lost leadership while running; controllers stopped");
        leadershipLost.onLeadershipLost();
      }
    }
  }
}
