package io.cetus.scheduler;

import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cetus.api.core.Pod;
import io.cetus.api.errors.ApiErrors;
import io.cetus.controller.reconcile.Request;
import io.cetus.controller.workqueue.WorkQueue;
import io.cetus.scheduler.bind.Binder;
import io.cetus.scheduler.cache.SchedulerCache;

/**
 * Binds assumed pods off the scheduling thread, as kube-scheduler's binding cycle does: the
 * scheduling thread assumes the pod in the {@link SchedulerCache} and moves on to the next pod,
 * while the binding ({@code POST .../binding}) and the {@code Scheduled} event are sent here. At
 * most {@code maxInFlight} bindings run at once; past that, the scheduling thread waits.
 *
 * <ul>
 *   <li>Success: the assumption waits for the informer to show the pod bound ({@link
 *       SchedulerCache#finishBinding}), and a {@code Scheduled} event is recorded.
 *   <li>{@code Conflict} or {@code NotFound} (bound already, being deleted, replaced or gone): the
 *       assumption is forgotten; the informer brings the news.
 *   <li>Any other failure: the assumption is forgotten and the pod scheduled again after a backoff
 *       (1 s doubling to 30 s, as for unschedulable pods).
 * </ul>
 *
 * Thread-safe.
 */
final class AsyncBinder {

  private static final Logger log = LoggerFactory.getLogger(AsyncBinder.class);

  private final Binder binder;
  private final SchedulerCache cache;
  private final AsyncEvents events;
  private final UnschedulablePods backoff;
  private final WorkQueue<Request> queue;
  private final Executor executor;
  private final Semaphore inFlight;

  AsyncBinder(
      Binder binder,
      SchedulerCache cache,
      AsyncEvents events,
      UnschedulablePods backoff,
      WorkQueue<Request> queue,
      Executor executor,
      int maxInFlight) {
    this.binder = binder;
    this.cache = cache;
    this.events = events;
    this.backoff = backoff;
    this.queue = queue;
    this.executor = executor;
    this.inFlight = new Semaphore(maxInFlight);
  }

  /** A virtual thread per binding. */
  static Executor virtualThreads() {
    return Executors.newThreadPerTaskExecutor(
        Thread.ofVirtual().name("scheduler-bind-", 0).factory());
  }

  /**
   * Binds the assumed {@code pod} to {@code node} in the background; waits only while {@code
   * maxInFlight} bindings are running.
   */
  void bind(Request request, Pod pod, String node) throws InterruptedException {
    inFlight.acquire();
    try {
      executor.execute(
          () -> {
            try {
              bindNow(request, pod, node);
            } finally {
              inFlight.release();
            }
          });
    } catch (RejectedExecutionException e) {
      inFlight.release();
      cache.forget(pod);
      throw e;
    }
  }

  private void bindNow(Request request, Pod pod, String node) {
    try {
      binder.bind(pod, node);
    } catch (RuntimeException e) {
      cache.forget(pod);
      if (ApiErrors.isConflict(e) || ApiErrors.isNotFound(e)) {
        log.debug("Pod {} was not bound to {}: {}", request, node, e.getMessage());
        backoff.forget(request);
      } else {
        var delay = backoff.failed(request);
        log.warn("Binding {} to {} failed, retrying in {}: {}", request, node, delay, e.toString());
        queue.addAfter(request, delay);
      }
      return;
    }
    cache.finishBinding(pod);
    backoff.forget(request);
    events.normal(
        pod,
        SchedulerReconciler.REASON_SCHEDULED,
        "Successfully assigned " + request + " to " + node);
  }
}
