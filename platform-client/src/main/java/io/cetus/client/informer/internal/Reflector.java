package io.cetus.client.informer.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cetus.api.errors.ApiErrors;
import io.cetus.api.meta.ApiObject;
import io.cetus.api.watch.WatchEvent;
import io.cetus.client.ObjectList;
import io.cetus.client.WatchStream;
import io.cetus.client.informer.ListerWatcher;

/**
 * Keeps a {@link ReflectorSink} equal to a {@link ListerWatcher}'s content, on a thread of its own:
 *
 * <pre>
 *   list ──► replace ──► watch from list revision ──► apply events ─┐
 *    ▲                      ▲                                       │
 *    │                      └── stream ended, or failed (back off) ─┤ from the last revision seen
 *    └──── Expired/Gone (back off briefly) ─────────────────────────┘
 * </pre>
 *
 * A failed list is retried with exponential backoff; the backoff resets once data flows again.
 */
public final class Reflector<T extends ApiObject> {

  private static final Logger log = LoggerFactory.getLogger(Reflector.class);

  private final String name;
  private final ListerWatcher<T> source;
  private final ReflectorSink<T> sink;
  private final Backoff backoff;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final Thread thread;
  private volatile boolean running;
  private volatile @Nullable String lastResourceVersion;
  private volatile @Nullable WatchStream<T> currentWatch;

  public Reflector(
      String name,
      ListerWatcher<T> source,
      ReflectorSink<T> sink,
      Duration initialBackoff,
      Duration maxBackoff) {
    this.name = name;
    this.source = source;
    this.sink = sink;
    this.backoff = new Backoff(initialBackoff, maxBackoff);
    this.thread = new Thread(this::run, "reflector-" + name);
    this.thread.setDaemon(true);
  }

  public synchronized void start() {
    if (running || stopped.getCount() == 0) {
      return;
    }
    running = true;
    thread.start();
  }

  /** Stops listing and watching; waits briefly for the thread to end. Final. */
  public void stop() {
    synchronized (this) {
      running = false;
      stopped.countDown();
    }
    WatchStream<T> watch = currentWatch;
    if (watch != null) {
      watch.close();
    }
    if (thread.isAlive() && thread != Thread.currentThread()) {
      thread.interrupt();
      try {
        thread.join(Duration.ofSeconds(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The revision of the last list or event applied. */
  public @Nullable String lastResourceVersion() {
    return lastResourceVersion;
  }

  private void run() {
    while (running) {
      ObjectList<T> list;
      try {
        list = source.list();
      } catch (RuntimeException e) {
        if (!running) {
          return;
        }
        log.warn("{}: list failed; retrying: {}", name, e.toString());
        if (pause(backoff.next())) {
          return;
        }
        continue;
      }
      // Set first, so that whoever sees the store synced also sees the revision it synced to.
      lastResourceVersion = list.resourceVersion();
      sink.replace(list.items(), list.resourceVersion());
      backoff.reset();
      if (watchUntilExpired() || pause(backoff.next())) {
        return;
      }
    }
  }

  /**
   * Watches from the last revision, again and again, until the source says that revision is gone.
   *
   * @return whether the reflector was stopped
   */
  private boolean watchUntilExpired() {
    while (running) {
      String from = String.valueOf(lastResourceVersion);
      int events = 0;
      try (WatchStream<T> watch = source.watch(from)) {
        currentWatch = watch;
        if (!running) {
          return true;
        }
        Optional<WatchEvent<T>> event;
        while ((event = watch.next()).isPresent()) {
          apply(event.get());
          events++;
          backoff.reset();
        }
      } catch (RuntimeException e) {
        if (!running) {
          return true;
        }
        if (ApiErrors.isGone(e)) {
          log.info("{}: watch from revision {} expired; listing again", name, from);
          return false;
        }
        log.warn("{}: watch failed; watching again from revision {}: {}", name, from, e.toString());
        if (pause(backoff.next())) {
          return true;
        }
        continue;
      } finally {
        currentWatch = null;
      }
      // A watch that ends without a single event may be a server closing at once: don't spin.
      if (events == 0 && pause(backoff.next())) {
        return true;
      }
    }
    return true;
  }

  private void apply(WatchEvent<T> event) {
    if (!WatchEvent.BOOKMARK.equals(event.type())) {
      sink.apply(event);
    }
    String revision = event.object().metadata().resourceVersion();
    if (revision != null && !revision.isEmpty()) {
      lastResourceVersion = revision;
    }
  }

  /** Waits {@code delay}; {@code true} if the reflector was stopped meanwhile. */
  private boolean pause(Duration delay) {
    try {
      return stopped.await(delay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      return true;
    }
  }
}
