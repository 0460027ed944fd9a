package io.cetus.objectstore.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@code history} worth of changes in the store's streams, as etcd's periodic compactor does:
 * on every tick it notes the current revision, and compacts to the newest noted revision that is at
 * least {@code history} old. So a watch can resume from any revision seen within the last {@code
 * history} (plus up to one interval), and older ones get 410 Expired.
 *
 * <p>Several service instances may each run one: compaction never lowers the compacted revision.
 */
public final class RevisionCompactor implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RevisionCompactor.class);

  private final ObjectStore store;
  private final Clock clock;
  private final Duration history;
  private final Deque<Mark> marks = new ArrayDeque<>();
  private @Nullable ScheduledExecutorService scheduler;

  public RevisionCompactor(ObjectStore store, Clock clock, Duration history) {
    this.store = store;
    this.clock = clock;
    this.history = history;
  }

  /** Ticks every {@code interval} on a thread of its own until {@link #close()}. */
  public synchronized void start(Duration interval) {
    if (scheduler != null) {
      return;
    }
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> Thread.ofPlatform().name("cetus-compactor").daemon().unstarted(runnable));
    scheduler.scheduleWithFixedDelay(
        this::tickQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Notes the current revision and compacts to the newest noted one that is {@code history} old.
   *
   * @return the revision compacted to, or 0 when none was old enough
   */
  public synchronized long tick() {
    Instant now = clock.instant();
    marks.addLast(new Mark(now, store.currentRevision()));
    Instant horizon = now.minus(history);
    Mark due = null;
    while (!marks.isEmpty() && !marks.peekFirst().at().isAfter(horizon)) {
      due = marks.pollFirst();
    }
    if (due == null || due.revision() <= store.compactedRevision()) {
      return 0;
    }
    store.compact(due.revision());
    return due.revision();
  }

  @Override
  public synchronized void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      scheduler = null;
    }
  }

  private void tickQuietly() {
    try {
      long compacted = tick();
      if (compacted > 0) {
        log.debug("compacted the object store to revision {}", compacted);
      }
    } catch (RuntimeException e) {
      // A failed tick (Redis away) must not cancel the schedule; the next one retries.
      log.warn("compacting the object store failed", e);
    }
  }

  private record Mark(Instant at, long revision) {}
}
