package io.cetus.controller;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.cetus.api.meta.ApiObject;
import io.cetus.client.informer.SharedInformer;
import io.cetus.controller.handler.EventHandler;
import io.cetus.controller.reconcile.Reconciler;
import io.cetus.controller.reconcile.Request;
import io.cetus.controller.workqueue.DefaultWorkQueue;
import io.cetus.controller.workqueue.ExponentialFailureRateLimiter;
import io.cetus.controller.workqueue.RateLimiter;
import io.cetus.controller.workqueue.WorkQueue;

/**
 * Wires a {@link Controller}:
 *
 * <pre>{@code
 * ControllerBuilder.named("replicaset")
 *     .watch(informers.forType(ReplicaSet.class), EventHandlers.enqueueSelf())
 *     .watch(informers.forType(Pod.class), EventHandlers.enqueueOwner(ReplicaSet.KIND))
 *     .workers(2)
 *     .reconciler(reconciler)
 *     .build();
 * }</pre>
 *
 * Defaults: one worker, a {@link DefaultWorkQueue} on the system clock with backoff from 5 ms up to
 * 1000 s.
 */
public final class ControllerBuilder {

  private final String name;
  private final List<Watch<?>> watches = new ArrayList<>();
  private int workers = 1;
  private @Nullable Reconciler reconciler;
  private Clock clock = Clock.systemUTC();
  private RateLimiter<Request> rateLimiter = ExponentialFailureRateLimiter.withDefaults();
  private @Nullable WorkQueue<Request> queue;

  private ControllerBuilder(String name) {
    this.name = name;
  }

  /** Names the controller in thread names, logs and the MDC. */
  public static ControllerBuilder named(String name) {
    return new ControllerBuilder(Objects.requireNonNull(name));
  }

  /** Feeds the queue from {@code informer}'s events through {@code handler}. */
  public <T extends ApiObject> ControllerBuilder watch(
      SharedInformer<T> informer, EventHandler<T> handler) {
    watches.add(new Watch<>(informer, handler));
    return this;
  }

  public ControllerBuilder workers(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("workers must be at least 1, got " + count);
    }
    this.workers = count;
    return this;
  }

  public ControllerBuilder reconciler(Reconciler value) {
    this.reconciler = value;
    return this;
  }

  /** The clock of requeue delays and backoff. */
  public ControllerBuilder clock(Clock value) {
    this.clock = value;
    return this;
  }

  public ControllerBuilder rateLimiter(RateLimiter<Request> value) {
    this.rateLimiter = value;
    return this;
  }

  /**
   * Uses {@code value} instead of a new queue; {@link #clock} and {@link #rateLimiter} are ignored.
   */
  public ControllerBuilder queue(WorkQueue<Request> value) {
    this.queue = value;
    return this;
  }

  public Controller build() {
    if (reconciler == null) {
      throw new IllegalStateException("controller " + name + " needs a reconciler");
    }
    WorkQueue<Request> workQueue =
        queue != null ? queue : new DefaultWorkQueue<>(clock, rateLimiter);
    return new Controller(name, reconciler, workQueue, workers, watches);
  }

  /** One informer and the handler that turns its events into requests. */
  record Watch<T extends ApiObject>(SharedInformer<T> informer, EventHandler<T> handler) {

    void register(WorkQueue<Request> queue) {
      informer.addEventHandler(handler.enqueuingInto(queue));
    }
  }
}
