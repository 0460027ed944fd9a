package io.cetus.replication;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

import io.cetus.api.apps.ReplicaSet;
import io.cetus.api.core.Event;
import io.cetus.api.core.Pod;
import io.cetus.api.meta.OwnerReference;
import io.cetus.api.meta.Owners;
import io.cetus.client.ObjectClientFactory;
import io.cetus.client.informer.Lister;
import io.cetus.client.informer.ResourceEventHandler;
import io.cetus.client.informer.SharedInformer;
import io.cetus.client.informer.SharedInformerFactory;
import io.cetus.controller.Controller;
import io.cetus.controller.ControllerBuilder;
import io.cetus.controller.event.EventRecorder;
import io.cetus.controller.handler.EventHandler;
import io.cetus.controller.handler.EventHandlers;
import io.cetus.controller.reconcile.Reconciler;
import io.cetus.controller.reconcile.Request;
import io.cetus.controller.workqueue.WorkQueue;
import io.cetus.replication.expectation.PodExpectations;

/**
 * Builds the {@code replicaset} controller, fed by
 *
 * <ul>
 *   <li>replica sets: each change queues the replica set; a deleted one's expectations are dropped;
 *   <li>pods: a pod with a replica set as controller queues that replica set, and its appearance,
 *       or the start of its deletion, or its removal meets that replica set's expectations; a pod
 *       without a controller queues every replica set of its namespace whose selector matches it,
 *       so one of them adopts it. A pod whose controller changed queues the old one too.
 * </ul>
 */
public final class ReplicaSetController {

  public static final String NAME = "replicaset";

  /** The {@code source.component} of its events, as Kubernetes names it. */
  public static final String COMPONENT = "replicaset-controller";

  private ReplicaSetController() {}

  /**
   * @param instrument wraps the reconciler, e.g. to time it
   */
  public static Controller create(
      SharedInformerFactory informers,
      ObjectClientFactory clients,
      Clock clock,
      int workers,
      UnaryOperator<Reconciler> instrument) {
    SharedInformer<ReplicaSet> replicaSets = informers.forType(ReplicaSet.class);
    SharedInformer<Pod> pods = informers.forType(Pod.class);
    PodExpectations expectations = new PodExpectations(clock);
    var reconciler =
        new ReplicaSetReconciler(
            replicaSets.lister(),
            pods.lister(),
            clients.forType(ReplicaSet.class),
            clients.forType(Pod.class),
            expectations,
            new EventRecorder(clients.forType(Event.class), clock, COMPONENT),
            clock);
    return ControllerBuilder.named(NAME)
        .watch(replicaSets, replicaSetEvents(expectations))
        .watch(pods, podEvents(replicaSets.lister(), expectations))
        .workers(workers)
        .clock(clock)
        .reconciler(instrument.apply(reconciler))
        .build();
  }

  static EventHandler<ReplicaSet> replicaSetEvents(PodExpectations expectations) {
    return EventHandlers.enqueueSelf(
        replicaSet -> expectations.forget(String.valueOf(replicaSet.metadata().uid())));
  }

  static EventHandler<Pod> podEvents(Lister<ReplicaSet> replicaSets, PodExpectations expectations) {
    return queue -> new PodEvents(queue, replicaSets, expectations);
  }

  private record PodEvents(
      WorkQueue<Request> queue, Lister<ReplicaSet> replicaSets, PodExpectations expectations)
      implements ResourceEventHandler<Pod> {

    @Override
    public void onAdd(Pod pod, boolean inInitialList) {
      if (pod.metadata().isBeingDeleted()) {
        // seen for the first time on its way out (e.g. after a restart): a deletion to count
        onDelete(pod, false);
        return;
      }
      Optional<OwnerReference> owner = replicaSetOf(pod);
      if (owner.isPresent()) {
        expectations.creationObserved(owner.get().uid());
        enqueue(pod, owner.get());
      } else {
        enqueueSelecting(pod);
      }
    }

    @Override
    public void onUpdate(Pod oldPod, Pod newPod) {
      Optional<OwnerReference> oldOwner = replicaSetOf(oldPod);
      Optional<OwnerReference> newOwner = replicaSetOf(newPod);
      boolean ownerChanged = !Objects.equals(oldOwner, newOwner);
      if (newPod.metadata().isBeingDeleted()) {
        // Its replica set need not wait for the removal, which takes a grace period, to replace it.
        onDelete(newPod, false);
        if (ownerChanged) {
          onDelete(oldPod, false);
        }
        return;
      }
      if (ownerChanged) {
        oldOwner.ifPresent(owner -> enqueue(oldPod, owner));
      }
      if (newOwner.isPresent()) {
        enqueue(newPod, newOwner.get());
      } else if (ownerChanged
          || oldPod == newPod
          || !oldPod.metadata().labels().equals(newPod.metadata().labels())) {
        enqueueSelecting(newPod);
      }
    }

    @Override
    public void onDelete(Pod pod, boolean finalStateUnknown) {
      replicaSetOf(pod)
          .ifPresent(
              owner -> {
                expectations.deletionObserved(owner.uid(), PodExpectations.podKey(pod));
                enqueue(pod, owner);
              });
    }

    private void enqueue(Pod pod, OwnerReference owner) {
      queue.add(new Request(pod.metadata().namespace(), owner.name()));
    }

    /** Queues the replica sets that may adopt this orphan. */
    private void enqueueSelecting(Pod pod) {
      for (ReplicaSet replicaSet : replicaSets.list(pod.metadata().namespace())) {
        if (ReplicaSetSelectors.of(replicaSet)
            .map(selector -> selector.matches(pod.metadata().labels()))
            .orElse(false)) {
          queue.add(Request.of(replicaSet));
        }
      }
    }

    private static Optional<OwnerReference> replicaSetOf(Pod pod) {
      return Owners.controllerOf(pod).filter(owner -> ReplicaSet.KIND.equals(owner.kind()));
    }
  }
}
