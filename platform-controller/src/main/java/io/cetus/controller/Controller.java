package io.cetus.controller;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import io.cetus.client.informer.SharedInformer;
import io.cetus.controller.reconcile.Reconciler;
import io.cetus.controller.reconcile.Request;
import io.cetus.controller.reconcile.Result;
import io.cetus.controller.reconcile.TerminalReconcileException;
import io.cetus.controller.workqueue.WorkQueue;

/**
 * Runs a {@link Reconciler} on the requests its informers' events produce, with a fixed number of
 * worker threads sharing one {@link WorkQueue}. Built by {@link ControllerBuilder}.
 *
 * <p>Per request: success forgets its backoff and, if the result asks, requeues it after the delay;
 * an exception requeues it with exponential backoff; a {@link TerminalReconcileException} is logged
 * and dropped. The queue guarantees that one request is never reconciled by two workers at once.
 * While a request is reconciled, the log MDC holds {@code controller} and {@code request}.
 *
 * <pre>
 *   new ──start()──► running (handlers registered, workers taking) ──stop()──► stopped (final)
 * </pre>
 */
public final class Controller {

  private static final Logger log = LoggerFactory.getLogger(Controller.class);
  private static final Duration STOP_GRACE = Duration.ofSeconds(30);

  private final String name;
  private final Reconciler reconciler;
  private final WorkQueue<Request> queue;
  private final int workerCount;
  private final List<ControllerBuilder.Watch<?>> watches;
  private final List<Thread> workers = new ArrayList<>();
  private boolean started;

  Controller(
      String name,
      Reconciler reconciler,
      WorkQueue<Request> queue,
      int workerCount,
      List<ControllerBuilder.Watch<?>> watches) {
    this.name = name;
    this.reconciler = reconciler;
    this.queue = queue;
    this.workerCount = workerCount;
    this.watches = List.copyOf(watches);
  }

  public String name() {
    return name;
  }

  /** The queue the workers take from; enqueue into it to reconcile on demand. */
  public WorkQueue<Request> queue() {
    return queue;
  }

  /** The informers this controller watches, which must sync before it starts. */
  public List<SharedInformer<?>> informers() {
    return watches.stream().<SharedInformer<?>>map(ControllerBuilder.Watch::informer).toList();
  }

  /** Registers the event handlers and starts the workers; idempotent. */
  public synchronized void start() {
    if (started) {
      return;
    }
    started = true;
    watches.forEach(watch -> watch.register(queue));
    for (int i = 0; i < workerCount; i++) {
      Thread worker = new Thread(this::work, "controller-" + name + "-" + i);
      worker.setDaemon(true);
      workers.add(worker);
      worker.start();
    }
    log.info("Controller {} started with {} workers", name, workerCount);
  }

  /**
   * Shuts the queue down and waits for the workers to finish what is queued and in progress. Events
   * after this are ignored.
   */
  public void stop() {
    queue.shutDown();
    List<Thread> running;
    synchronized (this) {
      running = List.copyOf(workers);
    }
    long deadline = System.nanoTime() + STOP_GRACE.toNanos();
    for (Thread worker : running) {
      try {
        worker.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (worker.isAlive()) {
        log.warn("Controller {}: worker {} still reconciling after {}", name, worker, STOP_GRACE);
      }
    }
  }

  private void work() {
    try (var controllerContext = MDC.putCloseable("controller", name)) {
      while (true) {
        Optional<Request> request = queue.take();
        if (request.isEmpty()) {
          return;
        }
        processOne(request.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void processOne(Request request) {
    try (var requestContext = MDC.putCloseable("request", request.toString())) {
      try {
        Result result = reconciler.reconcile(request);
        queue.forget(request);
        if (result.requeue()) {
          queue.addAfter(request, result.requeueAfter());
        }
      } catch (TerminalReconcileException e) {
        log.error("Reconcile of {} failed permanently; not requeueing", request, e);
        queue.forget(request);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        queue.addRateLimited(request);
      } catch (Exception e) {
        log.warn(
            "Reconcile of {} failed; attempt {} will back off",
            request,
            queue.numRequeues(request) + 1,
            e);
        queue.addRateLimited(request);
      } finally {
        queue.done(request);
      }
    }
  }

  @Override
  public String toString() {
    return "Controller[" + name + "]";
  }
}
