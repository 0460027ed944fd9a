package io.cetus.deployment;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cetus.api.apps.Deployment;
import io.cetus.api.apps.DeploymentStatus;
import io.cetus.api.apps.ReplicaSet;
import io.cetus.api.core.Pod;
import io.cetus.api.errors.ApiException;
import io.cetus.api.meta.ApiObject;
import io.cetus.api.meta.Owners;
import io.cetus.api.selector.LabelSelectors;
import io.cetus.api.selector.Selector;
import io.cetus.client.ObjectClient;
import io.cetus.client.informer.Lister;
import io.cetus.controller.event.EventRecorder;
import io.cetus.controller.reconcile.Reconciler;
import io.cetus.controller.reconcile.Request;
import io.cetus.controller.reconcile.Result;

/**
 * Rolls a deployment's template out, as Kubernetes' deployment controller does. One reconcile:
 *
 * <ol>
 *   <li>claim the namespace's replica sets ({@link ReplicaSetClaims});
 *   <li>a deployment being deleted only reports its status (its replica sets go with it, through
 *       their owner references);
 *   <li>mark {@code Progressing} paused or resumed;
 *   <li>paused, or its replicas changed: scale ({@link Scaling}) without rolling out;
 *   <li>otherwise take one step of its strategy ({@link RollingUpdate}, {@link Recreate}) and write
 *       the status, asking to be run again when the progress deadline falls.
 * </ol>
 *
 * Reads come from the informer caches; every write carries the resourceVersion it was computed
 * from, so a stale cache makes a write fail with Conflict and the reconcile is retried with
 * backoff. The replica set's name is the template's hash, so a lagging cache can never make it
 * create a second replica set for one template.
 */
final class DeploymentReconciler implements Reconciler {

  private static final Logger log = LoggerFactory.getLogger(DeploymentReconciler.class);
  static final String SELECTING_ALL = "SelectingAll";

  /** When to look again should the informer event that a stale cache waits for not come. */
  private static final Duration STALE_CACHE_RETRY = Duration.ofSeconds(5);

  private final Lister<Deployment> deployments;
  private final Lister<ReplicaSet> replicaSets;
  private final Lister<Pod> pods;
  private final ObjectClient<Deployment> deploymentClient;
  private final ObjectClient<ReplicaSet> replicaSetClient;
  private final ReplicaSetClaims claims;
  private final EventRecorder events;
  private final WrittenVersions written;
  private final Clock clock;

  DeploymentReconciler(
      Lister<Deployment> deployments,
      Lister<ReplicaSet> replicaSets,
      Lister<Pod> pods,
      ObjectClient<Deployment> deploymentClient,
      ObjectClient<ReplicaSet> replicaSetClient,
      EventRecorder events,
      WrittenVersions written,
      Clock clock) {
    this.deployments = deployments;
    this.replicaSets = replicaSets;
    this.pods = pods;
    this.deploymentClient = deploymentClient;
    this.replicaSetClient = replicaSetClient;
    this.claims = new ReplicaSetClaims(replicaSetClient, deploymentClient, written);
    this.events = events;
    this.written = written;
    this.clock = clock;
  }

  @Override
  public Result reconcile(Request request) {
    Optional<Deployment> cached = deployments.get(request.namespace(), request.name());
    if (cached.isEmpty()) {
      return Result.DONE;
    }
    Deployment deployment = cached.get();
    Optional<Selector> selector = selectorOf(deployment);
    if (selector.isEmpty()) {
      events.warning(
          deployment,
          SELECTING_ALL,
          "This deployment is selecting all pods. A non-empty selector is required.");
      observeGeneration(deployment);
      return Result.DONE;
    }
    List<ReplicaSet> candidates = replicaSets.list(request.namespace());
    if (isStale(deployment)
        || candidates.stream()
            .filter(rs -> isOwnedOrOrphan(rs, deployment))
            .anyMatch(this::isStale)) {
      // this controller wrote newer versions; their informer events will queue it again
      log.debug("Deployment {}: waiting for the cache to show this controller's writes", request);
      return Result.requeueIn(STALE_CACHE_RETRY);
    }
    List<ReplicaSet> owned = claims.claim(deployment, selector.get(), candidates);
    Rollout rollout =
        new Rollout(deployment, owned, deploymentClient, replicaSetClient, events, written, clock);
    if (deployment.metadata().isBeingDeleted()) {
      NewReplicaSets.sync(rollout, false);
      return RolloutStatus.syncStatus(rollout);
    }
    RolloutStatus.syncPausedCondition(rollout);
    if (DeploymentSpecs.isPaused(rollout.deployment()) || Scaling.isScalingEvent(rollout)) {
      return Scaling.sync(rollout);
    }
    if (DeploymentSpecs.isRecreate(rollout.deployment())) {
      List<Pod> selected =
          pods.list(request.namespace()).stream()
              .filter(pod -> selector.get().matches(pod.metadata().labels()))
              .toList();
      return Recreate.rollout(rollout, selected);
    }
    return RollingUpdate.rollout(rollout);
  }

  /**
   * The deployment's selector; empty when it has none, an empty one (which would select every pod
   * of the namespace) or a malformed one. Admission refuses all three.
   */
  static Optional<Selector> selectorOf(Deployment deployment) {
    if (deployment.spec().selector() == null) {
      return Optional.empty();
    }
    try {
      Selector selector = LabelSelectors.of(deployment.spec().selector());
      return selector.isEverything() ? Optional.empty() : Optional.of(selector);
    } catch (ApiException e) {
      log.debug(
          "Deployment {}/{} has a malformed selector: {}",
          deployment.metadata().namespace(),
          deployment.metadata().name(),
          e.getMessage());
      return Optional.empty();
    }
  }

  /** Replica sets this deployment controls or could adopt; other deployments' do not hold it up. */
  private static boolean isOwnedOrOrphan(ReplicaSet rs, Deployment deployment) {
    return Owners.controllerOf(rs)
        .map(owner -> owner.uid().equals(deployment.metadata().uid()))
        .orElse(true);
  }

  private boolean isStale(ApiObject object) {
    return written.isStale(object.metadata().uid(), object.metadata().resourceVersion());
  }

  private void observeGeneration(Deployment deployment) {
    Long generation = deployment.metadata().generation();
    DeploymentStatus status = deployment.status();
    if (generation == null || generation == status.observedGeneration()) {
      return;
    }
    deploymentClient.updateStatus(
        deployment.withStatus(
            new DeploymentStatus(
                generation,
                status.replicas(),
                status.updatedReplicas(),
                status.readyReplicas(),
                status.availableReplicas(),
                status.unavailableReplicas(),
                status.conditions(),
                status.collisionCount())));
  }
}
