package io.cetus.scheduler.lifecycle;

import java.time.Clock;
import java.util.List;
import java.util.function.UnaryOperator;

import io.cetus.api.coordination.Lease;
import io.cetus.api.core.Event;
import io.cetus.api.core.Node;
import io.cetus.api.core.Pod;
import io.cetus.client.ObjectClientFactory;
import io.cetus.client.informer.SharedInformer;
import io.cetus.client.informer.SharedInformerFactory;
import io.cetus.controller.Controller;
import io.cetus.controller.ControllerBuilder;
import io.cetus.controller.event.EventRecorder;
import io.cetus.controller.handler.EventHandlers;
import io.cetus.controller.reconcile.Reconciler;
import io.cetus.controller.reconcile.Request;

/**
 * Builds the {@code node-lifecycle} controller: a node is reconciled when it or its lease in {@code
 * kube-node-lease} changes, and then again whenever its reconcile asks (deadlines, monitor period).
 */
public final class NodeLifecycleController {

  public static final String NAME = "node-lifecycle";

  /** The {@code source.component} of its events, as Kubernetes' node lifecycle controller. */
  static final String COMPONENT = "node-controller";

  private NodeLifecycleController() {}

  /**
   * @param instrument wraps the reconciler, e.g. to time it
   */
  public static Controller create(
      SharedInformerFactory informers,
      ObjectClientFactory clients,
      NodeLifecycleSettings settings,
      Clock clock,
      UnaryOperator<Reconciler> instrument) {
    SharedInformer<Node> nodes = informers.forType(Node.class);
    SharedInformer<Lease> leases = informers.forType(Lease.class);
    SharedInformer<Pod> pods = informers.forType(Pod.class);
    var reconciler =
        new NodeLifecycleReconciler(
            nodes.lister(),
            leases.lister(),
            pods.lister(),
            clients.forType(Node.class),
            clients.forType(Pod.class),
            new EventRecorder(clients.forType(Event.class), clock, COMPONENT),
            settings,
            clock);
    return ControllerBuilder.named(NAME)
        .watch(nodes, EventHandlers.enqueueSelf())
        .watch(
            leases,
            EventHandlers.enqueueMapped(
                lease ->
                    NodeLifecycleReconciler.LEASE_NAMESPACE.equals(lease.metadata().namespace())
                        ? List.of(new Request(null, String.valueOf(lease.metadata().name())))
                        : List.of()))
        .workers(1)
        .reconciler(instrument.apply(reconciler))
        .build();
  }
}
