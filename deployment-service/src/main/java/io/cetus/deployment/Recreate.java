package io.cetus.deployment;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.cetus.api.apps.ReplicaSet;
import io.cetus.api.core.Pod;
import io.cetus.api.core.PodStatus;
import io.cetus.api.meta.Owners;
import io.cetus.controller.reconcile.Result;

/**
 * The {@code Recreate} strategy: scale every old replica set to 0; wait until none of their pods
 * runs any more (finished pods do not count; pods still terminating do); only then create the new
 * replica set, or scale it, to {@code replicas}; once complete, trim the history. The pods' removal
 * (a pod event) brings the step after the wait.
 */
final class Recreate {

  private Recreate() {}

  /**
   * @param pods the active and terminating pods of the deployment's namespace that its selector
   *     matches
   */
  static Result rollout(Rollout rollout, List<Pod> pods) {
    NewReplicaSets.sync(rollout, false);
    boolean scaledDown = false;
    for (ReplicaSet rs : rollout.oldReplicaSets()) {
      if (ReplicaSetOrder.replicas(rs) > 0) {
        rollout.scale(rs, 0);
        scaledDown = true;
      }
    }
    if (scaledDown || oldPodsRunning(rollout, pods)) {
      return RolloutStatus.syncRolloutStatus(rollout);
    }
    ReplicaSet newRs = NewReplicaSets.sync(rollout, true).orElseThrow();
    rollout.scale(newRs, DeploymentSpecs.replicas(rollout.deployment()));
    if (RolloutStatus.isComplete(rollout.deployment(), rollout.deployment().status())) {
      HistoryCleanup.clean(rollout);
    }
    return RolloutStatus.syncRolloutStatus(rollout);
  }

  private static boolean oldPodsRunning(Rollout rollout, List<Pod> pods) {
    List<ReplicaSet> old = rollout.oldReplicaSets();
    Set<String> oldUids = new HashSet<>();
    for (ReplicaSet rs : old) {
      if (rs.status().replicas() > 0) {
        return true;
      }
      oldUids.add(rs.metadata().uid());
    }
    for (Pod pod : pods) {
      Optional<String> owner = Owners.controllerOf(pod).map(reference -> reference.uid());
      if (owner.isEmpty() || !oldUids.contains(owner.get())) {
        continue;
      }
      String phase = pod.status().phase();
      if (!PodStatus.FAILED.equals(phase) && !PodStatus.SUCCEEDED.equals(phase)) {
        return true;
      }
    }
    return false;
  }
}
