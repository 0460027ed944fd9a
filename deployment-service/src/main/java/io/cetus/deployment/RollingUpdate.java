package io.cetus.deployment;

import java.util.List;
import java.util.Optional;

import io.cetus.api.apps.Deployment;
import io.cetus.api.apps.ReplicaSet;
import io.cetus.controller.reconcile.Result;

/**
 * The {@code RollingUpdate} strategy, one step per reconcile:
 *
 * <ol>
 *   <li>create the new replica set if there is none;
 *   <li>scale it up as far as {@code replicas + maxSurge} pods in all allows;
 *   <li>otherwise scale old replica sets down as far as {@code replicas - maxUnavailable} available
 *       pods allow: first the old replica sets' unavailable pods (oldest replica set first), as
 *       they serve nobody, then available ones, oldest replica set first;
 *   <li>once complete, trim the history.
 * </ol>
 *
 * Every step writes the status; the replica sets' status changes (pods becoming available) bring
 * the next step.
 */
final class RollingUpdate {

  private RollingUpdate() {}

  static Result rollout(Rollout rollout) {
    NewReplicaSets.sync(rollout, true);
    if (scaleUpNew(rollout) || scaleDownOld(rollout)) {
      return RolloutStatus.syncRolloutStatus(rollout);
    }
    if (RolloutStatus.isComplete(rollout.deployment(), rollout.deployment().status())) {
      HistoryCleanup.clean(rollout);
    }
    return RolloutStatus.syncRolloutStatus(rollout);
  }

  private static boolean scaleUpNew(Rollout rollout) {
    Deployment deployment = rollout.deployment();
    ReplicaSet newRs = rollout.newReplicaSet().orElseThrow();
    int replicas = DeploymentSpecs.replicas(deployment);
    int current = ReplicaSetOrder.replicas(newRs);
    if (current == replicas) {
      return false;
    }
    int target =
        current > replicas
            ? replicas
            : NewReplicaSets.initialReplicas(deployment, rollout.replicaSets(), newRs);
    return ReplicaSetOrder.replicas(rollout.scale(newRs, target)) != current;
  }

  private static boolean scaleDownOld(Rollout rollout) {
    Deployment deployment = rollout.deployment();
    List<ReplicaSet> old =
        rollout.oldReplicaSets().stream().filter(rs -> ReplicaSetOrder.replicas(rs) > 0).toList();
    if (old.isEmpty()) {
      return false;
    }
    Optional<ReplicaSet> newRs = rollout.newReplicaSet();
    int all = total(rollout.replicaSets());
    int minAvailable =
        DeploymentSpecs.replicas(deployment) - DeploymentSpecs.maxUnavailable(deployment);
    int newUnavailable =
        newRs
            .map(rs -> Math.max(0, ReplicaSetOrder.replicas(rs) - rs.status().availableReplicas()))
            .orElse(0);
    int maxScaledDown = all - minAvailable - newUnavailable;
    if (maxScaledDown <= 0) {
      return false;
    }
    int cleaned = scaleDownUnhealthy(rollout, old, maxScaledDown);
    int scaled = scaleDownAvailable(rollout);
    return cleaned + scaled > 0;
  }

  /** Scales old replica sets down by their pods that are not available, oldest set first. */
  private static int scaleDownUnhealthy(Rollout rollout, List<ReplicaSet> old, int maxScaledDown) {
    int done = 0;
    for (ReplicaSet rs : old) {
      if (done >= maxScaledDown) {
        break;
      }
      int size = ReplicaSetOrder.replicas(rs);
      int unavailable = size - rs.status().availableReplicas();
      if (size == 0 || unavailable <= 0) {
        continue;
      }
      int down = Math.min(maxScaledDown - done, unavailable);
      rollout.scale(rs, size - down);
      done += down;
    }
    return done;
  }

  /**
   * Scales old replica sets down, oldest first, by as many available pods as exceed {@code replicas
   * - maxUnavailable}.
   */
  private static int scaleDownAvailable(Rollout rollout) {
    Deployment deployment = rollout.deployment();
    int minAvailable =
        DeploymentSpecs.replicas(deployment) - DeploymentSpecs.maxUnavailable(deployment);
    int available = 0;
    for (ReplicaSet rs : rollout.replicaSets()) {
      available += rs.status().availableReplicas();
    }
    if (available <= minAvailable) {
      return 0;
    }
    int toScaleDown = available - minAvailable;
    int done = 0;
    for (ReplicaSet rs : rollout.oldReplicaSets()) {
      if (done >= toScaleDown) {
        break;
      }
      int size = ReplicaSetOrder.replicas(rs);
      if (size == 0) {
        continue;
      }
      int down = Math.min(size, toScaleDown - done);
      rollout.scale(rs, size - down);
      done += down;
    }
    return done;
  }

  private static int total(List<ReplicaSet> replicaSets) {
    int total = 0;
    for (ReplicaSet rs : replicaSets) {
      total += ReplicaSetOrder.replicas(rs);
    }
    return total;
  }
}
