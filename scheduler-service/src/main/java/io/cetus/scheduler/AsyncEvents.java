package io.cetus.scheduler;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cetus.api.meta.ApiObject;
import io.cetus.controller.event.EventRecorder;

/**
 * Records the scheduler's events off the scheduling thread: fire and forget, bounded. Events wait
 * in a queue of {@value #CAPACITY} for one of {@value #WRITERS} writers; when the queue is full,
 * the event is dropped (and counted), as Kubernetes' event broadcaster drops events under load, so
 * events never slow scheduling down. Thread-safe.
 */
final class AsyncEvents {

  static final int WRITERS = 4;
  static final int CAPACITY = 2048;

  private static final Logger log = LoggerFactory.getLogger(AsyncEvents.class);
  private static final Duration IDLE = Duration.ofSeconds(30);

  private final EventRecorder recorder;
  private final Executor executor;
  private final AtomicLong dropped = new AtomicLong();

  /**
   * @param executor runs each recording; it may reject, and the event is then dropped
   */
  AsyncEvents(EventRecorder recorder, Executor executor) {
    this.recorder = recorder;
    this.executor = executor;
  }

  /** {@value #WRITERS} virtual threads, at most {@value #CAPACITY} events waiting. */
  static AsyncEvents onVirtualThreads(EventRecorder recorder) {
    var pool =
        new ThreadPoolExecutor(
            WRITERS,
            WRITERS,
            IDLE.toMillis(),
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(CAPACITY),
            Thread.ofVirtual().name("scheduler-events-", 0).factory());
    pool.allowCoreThreadTimeOut(true);
    var events = new AsyncEvents(recorder, pool);
    pool.setRejectedExecutionHandler((task, executor) -> events.drop());
    return events;
  }

  void normal(ApiObject about, String reason, String message) {
    submit(() -> recorder.normal(about, reason, message));
  }

  void warning(ApiObject about, String reason, String message) {
    submit(() -> recorder.warning(about, reason, message));
  }

  /** How many events were dropped because too many were waiting. */
  long dropped() {
    return dropped.get();
  }

  private void submit(Runnable recording) {
    try {
      executor.execute(recording);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      drop();
    }
  }

  private void drop() {
    long count = dropped.incrementAndGet();
    if (count == 1 || count % 1000 == 0) {
      log.warn("{} scheduler events dropped: more than {} waiting to be written", count, CAPACITY);
    }
  }
}
