package io.cetus.deployment;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

import io.cetus.api.apps.Deployment;
import io.cetus.api.apps.ReplicaSet;
import io.cetus.api.core.Event;
import io.cetus.api.core.Pod;
import io.cetus.api.core.PodStatus;
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

/**
 * Builds the {@code deployment} controller, fed by
 *
 * <ul>
 *   <li>deployments: each change queues the deployment;
 *   <li>replica sets: one with a deployment as controller queues that deployment (the old one too
 *       when its controller changed); one without a controller queues every deployment of its
 *       namespace whose selector matches it, so one of them adopts it;
 *   <li>pods: the removal of a pod, or its finishing, queues the deployment that controls its
 *       replica set if that deployment uses {@code Recreate}, which waits for old pods to go.
 * </ul>
 */
public final class DeploymentController {

  public static final String NAME = "deployment";

  /** The {@code source.component} of its events, as Kubernetes names it. */
  public static final String COMPONENT = "deployment-controller";

  private DeploymentController() {}

  /**
   * @param instrument wraps the reconciler, e.g. to time it
   */
  public static Controller create(
      SharedInformerFactory informers,
      ObjectClientFactory clients,
      Clock clock,
      int workers,
      UnaryOperator<Reconciler> instrument) {
    SharedInformer<Deployment> deployments = informers.forType(Deployment.class);
    SharedInformer<ReplicaSet> replicaSets = informers.forType(ReplicaSet.class);
    SharedInformer<Pod> pods = informers.forType(Pod.class);
    WrittenVersions written = new WrittenVersions();
    var reconciler =
        new DeploymentReconciler(
            deployments.lister(),
            replicaSets.lister(),
            pods.lister(),
            clients.forType(Deployment.class),
            clients.forType(ReplicaSet.class),
            new EventRecorder(clients.forType(Event.class), clock, COMPONENT),
            written,
            clock);
    return ControllerBuilder.named(NAME)
        .watch(deployments, deploymentEvents(written))
        .watch(replicaSets, replicaSetEvents(deployments.lister(), written))
        .watch(pods, podEvents(replicaSets.lister(), deployments.lister()))
        .workers(workers)
        .clock(clock)
        .reconciler(instrument.apply(reconciler))
        .build();
  }

  static EventHandler<Deployment> deploymentEvents(WrittenVersions written) {
    return EventHandlers.enqueueSelf(deployment -> written.forget(deployment.metadata().uid()));
  }

  static EventHandler<ReplicaSet> replicaSetEvents(
      Lister<Deployment> deployments, WrittenVersions written) {
    return queue -> new ReplicaSetEvents(queue, deployments, written);
  }

  static EventHandler<Pod> podEvents(
      Lister<ReplicaSet> replicaSets, Lister<Deployment> deployments) {
    return queue -> new PodEvents(queue, replicaSets, deployments);
  }

  private record ReplicaSetEvents(
      WorkQueue<Request> queue, Lister<Deployment> deployments, WrittenVersions written)
      implements ResourceEventHandler<ReplicaSet> {

    @Override
    public void onAdd(ReplicaSet rs, boolean inInitialList) {
      Optional<OwnerReference> owner = deploymentOf(rs);
      if (owner.isPresent()) {
        enqueue(rs, owner.get());
      } else {
        enqueueSelecting(rs);
      }
    }

    @Override
    public void onUpdate(ReplicaSet oldRs, ReplicaSet newRs) {
      Optional<OwnerReference> oldOwner = deploymentOf(oldRs);
      Optional<OwnerReference> newOwner = deploymentOf(newRs);
      boolean ownerChanged = !Objects.equals(oldOwner, newOwner);
      if (ownerChanged) {
        oldOwner.ifPresent(owner -> enqueue(oldRs, owner));
      }
      if (newOwner.isPresent()) {
        enqueue(newRs, newOwner.get());
      } else if (Owners.controllerOf(newRs).isEmpty()
          && (ownerChanged
              || oldRs == newRs
              || !oldRs.metadata().labels().equals(newRs.metadata().labels()))) {
        enqueueSelecting(newRs);
      }
    }

    @Override
    public void onDelete(ReplicaSet rs, boolean finalStateUnknown) {
      written.forget(rs.metadata().uid());
      deploymentOf(rs).ifPresent(owner -> enqueue(rs, owner));
    }

    private void enqueue(ReplicaSet rs, OwnerReference owner) {
      queue.add(new Request(rs.metadata().namespace(), owner.name()));
    }

    /** Queues the deployments that may adopt this orphan. */
    private void enqueueSelecting(ReplicaSet rs) {
      if (Owners.controllerOf(rs).isPresent()) {
        return; // controlled by something else
      }
      for (Deployment deployment : deployments.list(rs.metadata().namespace())) {
        if (DeploymentReconciler.selectorOf(deployment)
            .map(selector -> selector.matches(rs.metadata().labels()))
            .orElse(false)) {
          queue.add(Request.of(deployment));
        }
      }
    }
  }

  private record PodEvents(
      WorkQueue<Request> queue, Lister<ReplicaSet> replicaSets, Lister<Deployment> deployments)
      implements ResourceEventHandler<Pod> {

    @Override
    public void onAdd(Pod pod, boolean inInitialList) {}

    @Override
    public void onUpdate(Pod oldPod, Pod newPod) {
      if (isFinished(newPod) && !isFinished(oldPod)) {
        enqueueRecreating(newPod);
      }
    }

    @Override
    public void onDelete(Pod pod, boolean finalStateUnknown) {
      enqueueRecreating(pod);
    }

    /** Queues the pod's deployment if it recreates, and so may be waiting for the pod to go. */
    private void enqueueRecreating(Pod pod) {
      String namespace = pod.metadata().namespace();
      Owners.controllerOf(pod)
          .filter(owner -> ReplicaSet.KIND.equals(owner.kind()))
          .flatMap(owner -> replicaSets.get(namespace, owner.name()))
          .flatMap(DeploymentController::deploymentOf)
          .flatMap(owner -> deployments.get(namespace, owner.name()))
          .filter(DeploymentSpecs::isRecreate)
          .ifPresent(deployment -> queue.add(Request.of(deployment)));
    }

    private static boolean isFinished(Pod pod) {
      String phase = pod.status().phase();
      return PodStatus.SUCCEEDED.equals(phase) || PodStatus.FAILED.equals(phase);
    }
  }

  private static Optional<OwnerReference> deploymentOf(ReplicaSet rs) {
    return Owners.controllerOf(rs).filter(owner -> Deployment.KIND.equals(owner.kind()));
  }
}
