package io.cetus.objectstore.store.support;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import io.cetus.api.errors.ApiException;
import io.cetus.objectstore.store.StoredEvent;
import io.cetus.objectstore.store.WatchListener;
import io.cetus.objectstore.store.WatchSubscription;

/**
 * One watcher's feed: the stored history after its revision, then live events, without gaps or
 * repeats.
 *
 * <p>The store registers the feed with its live fan-out <em>before</em> calling {@link #start()}.
 * From then on every live event is {@link #offer offered} and queued; the feed's own thread first
 * replays {@link EventHistory} page by page until a page comes back empty, and then delivers the
 * queued and later live events, skipping those at or below the last revision it replayed. Any event
 * missing from the history read was written after that read, hence offered after registration, so
 * nothing falls between the two; the skip removes the overlap.
 *
 * <pre>
 *   new ──start()──► catching up ──history exhausted──► live ──close()──────────► closed
 *                        │                               │
 *                        └───── fail(cause) / error ─────┴──► ended: onClose(cause)
 * </pre>
 *
 * <p>Listener calls happen on the feed's virtual thread, one at a time and in revision order; each
 * event carries its own copy of the object. After {@link #close()} returns no new delivery starts
 * (one already under way may finish) and {@link WatchListener#onClose} is not called.
 */
public final class WatchFeed implements WatchSubscription {

  private static final int HISTORY_PAGE = 500;
  private static final Object WAKE_UP = new Object();

  private final String threadName;
  private final @Nullable String namespace;
  private final long afterRevision;
  private final WatchListener listener;
  private final EventHistory history;
  private final Consumer<WatchFeed> onEnd;
  private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
  private final AtomicBoolean ended = new AtomicBoolean();
  private volatile boolean closed;

  /**
   * @param namespace deliver only events of objects in this namespace; null for all
   * @param onEnd runs once when the feed ends, however it ends, to unregister it
   */
  public WatchFeed(
      String threadName,
      @Nullable String namespace,
      long afterRevision,
      WatchListener listener,
      EventHistory history,
      Consumer<WatchFeed> onEnd) {
    this.threadName = threadName;
    this.namespace = namespace;
    this.afterRevision = afterRevision;
    this.listener = listener;
    this.history = history;
    this.onEnd = onEnd;
  }

  /** The 410 a watch from below the compacted revision gets. */
  public static ApiException expired(long afterRevision, long compactedRevision) {
    return ApiException.expired(
        "too old resource version: " + afterRevision + " (" + compactedRevision + ")");
  }

  public void start() {
    Thread.ofVirtual().name(threadName).start(this::run);
  }

  /** A live event, in revision order across calls; never blocks. */
  public void offer(StoredEvent event) {
    if (!closed) {
      queue.add(event);
    }
  }

  /** Ends the feed with {@code cause} after the events already offered. */
  public void fail(Throwable cause) {
    queue.add(new Failure(cause));
  }

  @Override
  public void close() {
    closed = true;
    queue.add(WAKE_UP);
    end();
  }

  private void run() {
    long last = afterRevision;
    try {
      while (!closed) {
        List<StoredEvent> page = history.after(last, HISTORY_PAGE);
        if (page.isEmpty()) {
          break;
        }
        for (StoredEvent event : page) {
          deliver(event);
          last = event.revision();
        }
      }
      while (!closed) {
        Object item = queue.take();
        if (item instanceof Failure failure) {
          terminate(failure.cause());
          return;
        }
        if (item instanceof StoredEvent event && event.revision() > last) {
          deliver(event);
          last = event.revision();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      terminate(e);
    } catch (RuntimeException e) {
      terminate(e);
    }
  }

  private void deliver(StoredEvent event) {
    if (closed
        || (namespace != null && !namespace.equals(StoredObjects.namespaceOf(event.object())))) {
      return;
    }
    listener.onEvent(new StoredEvent(event.type(), event.object().deepCopy(), event.revision()));
  }

  private void terminate(Throwable cause) {
    if (closed) {
      return;
    }
    closed = true;
    end();
    listener.onClose(cause);
  }

  private void end() {
    if (ended.compareAndSet(false, true)) {
      onEnd.accept(this);
    }
  }

  private record Failure(Throwable cause) {}
}
