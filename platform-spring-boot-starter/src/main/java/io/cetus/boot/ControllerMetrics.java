package io.cetus.boot;

import java.util.function.Supplier;

import io.cetus.controller.Controller;
import io.cetus.controller.reconcile.Reconciler;
import io.cetus.controller.reconcile.Result;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Micrometer meters of controllers, tagged {@code controller=<name>}:
 *
 * <ul>
 *   <li>{@value #RECONCILE} (timer): how long each reconcile took, tagged {@code result} = {@code
 *       success}, {@code requeue} (succeeded and asked to look again later) or {@code error}
 *       (threw, so it is retried with backoff);
 *   <li>{@value #QUEUE_DEPTH} (gauge): requests ready and waiting for a worker.
 * </ul>
 *
 * The timer needs the reconciler wrapped when the controller is built ({@link #timed}); the gauge
 * is bound by the lifecycle to every {@code Controller} bean. The registry is looked up on first
 * use, so this can be injected where controllers are defined.
 */
public final class ControllerMetrics {

  public static final String RECONCILE = "cetus.controller.reconcile";
  public static final String QUEUE_DEPTH = "cetus.controller.queue.depth";

  private final Supplier<MeterRegistry> registry;

  public ControllerMetrics(Supplier<MeterRegistry> registry) {
    this.registry = registry;
  }

  /** {@code reconciler}, timing every call under the controller's name. */
  public Reconciler timed(String controller, Reconciler reconciler) {
    return request -> {
      Timer.Sample sample = Timer.start(registry.get());
      String result = "error";
      try {
        Result outcome = reconciler.reconcile(request);
        result = outcome.requeue() ? "requeue" : "success";
        return outcome;
      } finally {
        sample.stop(
            Timer.builder(RECONCILE)
                .description("Duration of reconciles")
                .tag("controller", controller)
                .tag("result", result)
                .register(registry.get()));
      }
    };
  }

  /** Publishes the depth of {@code controller}'s queue. */
  public void bindQueueDepth(Controller controller) {
    Gauge.builder(QUEUE_DEPTH, controller, c -> c.queue().length())
        .description("Requests waiting in the controller's work queue")
        .tag("controller", controller.name())
        .register(registry.get());
  }
}
