package io.cetus.objectstore.service;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cetus.api.errors.ApiErrors;
import io.cetus.api.errors.ApiException;
import io.cetus.api.errors.Reason;
import io.cetus.api.errors.Status;
import io.cetus.api.json.Json;
import io.cetus.api.resource.ResourceType;
import io.cetus.api.watch.WatchEvent;
import io.cetus.objectstore.store.StoredEvent;
import io.cetus.objectstore.store.WatchListener;
import io.cetus.objectstore.store.WatchSubscription;

import tools.jackson.databind.node.ObjectNode;

/**
 * One open watch: the synthetic ADDED events of its initial state, then the store's changes
 * filtered through the selectors, until its timeout, until {@link #stop()}, until the client is
 * gone, or until the store ends it (an ERROR event then says why; a too-old resourceVersion is a
 * 410 Expired). The store's thread only queues events; {@link #stream} runs on the caller's
 * (virtual) thread and does all the work, so a slow client slows nobody else. A client that falls
 * more than a queue-full behind is cut off, to list and watch again.
 */
public final class Watch implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Watch.class);

  /** Ends {@link #stream} at once. */
  private static final Object STOP = new Object();

  private final ResourceType type;
  private final @Nullable MatchTracker tracker;
  private final List<ObjectNode> initial;
  private final Duration timeout;
  private final @Nullable Duration bookmarkInterval;
  private final int queueLimit;
  private final ApiMetrics metrics;
  private final Consumer<Watch> onClose;
  private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
  private volatile @Nullable WatchSubscription subscription;
  private @Nullable ObjectNode startError;
  private long lastRevision;

  Watch(
      ResourceType type,
      @Nullable MatchTracker tracker,
      List<ObjectNode> initial,
      long startRevision,
      Duration timeout,
      @Nullable Duration bookmarkInterval,
      int queueLimit,
      ApiMetrics metrics,
      Consumer<Watch> onClose) {
    this.type = type;
    this.tracker = tracker;
    this.initial = List.copyOf(initial);
    this.lastRevision = startRevision;
    this.timeout = timeout;
    this.bookmarkInterval = bookmarkInterval;
    this.queueLimit = queueLimit;
    this.metrics = metrics;
    this.onClose = onClose;
  }

  /** The listener to subscribe to the store with. */
  WatchListener listener() {
    return new WatchListener() {
      @Override
      public void onEvent(StoredEvent event) {
        if (queue.size() >= queueLimit) {
          queue.offer(STOP);
          return;
        }
        queue.offer(event);
      }

      @Override
      public void onClose(Throwable cause) {
        queue.offer(cause);
      }
    };
  }

  void subscribed(WatchSubscription subscription) {
    this.subscription = subscription;
  }

  /** The watch can't start (e.g. its resourceVersion is too old): it sends this and ends. */
  void failedToStart(ApiException error) {
    this.startError = statusOf(error);
  }

  /**
   * Delivers events until the watch ends; blocks the calling thread all along.
   *
   * @throws IOException when the client is gone
   */
  public void stream(WatchSink sink) throws IOException {
    metrics.watchOpened();
    try {
      for (ObjectNode object : initial) {
        sink.send(WatchEvent.ADDED, withTypeMeta(object));
      }
      if (startError != null) {
        sink.send(WatchEvent.ERROR, startError);
        return;
      }
      deliver(sink);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      close();
      metrics.watchClosed();
    }
  }

  private void deliver(WatchSink sink) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long nextBookmark =
        bookmarkInterval == null ? Long.MAX_VALUE : System.nanoTime() + bookmarkInterval.toNanos();
    while (true) {
      long now = System.nanoTime();
      if (now - deadline >= 0) {
        return;
      }
      long wait = Math.min(deadline - now, Math.max(0, nextBookmark - now));
      Object signal = queue.poll(wait, TimeUnit.NANOSECONDS);
      if (signal == null) {
        if (bookmarkInterval != null && System.nanoTime() - nextBookmark >= 0) {
          sink.send(WatchEvent.BOOKMARK, bookmark());
          nextBookmark = System.nanoTime() + bookmarkInterval.toNanos();
        }
        continue;
      }
      if (signal == STOP) {
        return;
      }
      if (signal instanceof Throwable cause) {
        sink.send(WatchEvent.ERROR, closedBy(cause));
        return;
      }
      StoredEvent event = (StoredEvent) signal;
      lastRevision = event.revision();
      String eventType =
          tracker == null ? event.type().name() : tracker.transition(event.type(), event.object());
      if (eventType != null) {
        sink.send(eventType, withTypeMeta(event.object()));
      }
    }
  }

  /** Ends the watch from any thread; {@link #stream} returns soon after. */
  public void stop() {
    queue.offer(STOP);
  }

  /** Releases the store subscription; harmless when already done. */
  @Override
  public void close() {
    WatchSubscription current = subscription;
    if (current != null) {
      current.close();
    }
    onClose.accept(this);
  }

  private ObjectNode bookmark() {
    ObjectNode bookmark = Json.mapper().createObjectNode();
    bookmark.put("kind", type.kind());
    bookmark.put("apiVersion", type.apiVersion());
    bookmark.putObject("metadata").put("resourceVersion", Long.toString(lastRevision));
    return bookmark;
  }

  private ObjectNode withTypeMeta(ObjectNode object) {
    if (object.has("kind") && object.has("apiVersion")) {
      return object;
    }
    ObjectNode copy = object.deepCopy();
    copy.put("kind", type.kind());
    copy.put("apiVersion", type.apiVersion());
    return copy;
  }

  private static ObjectNode closedBy(Throwable cause) {
    if (cause instanceof ApiException api && ApiErrors.isGone(api)) {
      return statusOf(api);
    }
    log.warn("watch ended by the store", cause);
    return statusOf(
        new ApiException(
            Reason.INTERNAL_ERROR, "the watch ended unexpectedly; list and watch again"));
  }

  private static ObjectNode statusOf(ApiException error) {
    Status status = error.status();
    return Json.mapper().valueToTree(status);
  }
}
