package io.cetus.deployment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.cetus.api.apps.Deployment;
import io.cetus.api.apps.ReplicaSet;
import io.cetus.controller.reconcile.Result;

/**
 * Sizing a deployment's replica sets when its replica count changes, outside of rollout progress:
 *
 * <ul>
 *   <li>one active replica set (or none: the newest): it takes {@code replicas};
 *   <li>the new replica set saturated (all replicas, available): the old ones go to 0;
 *   <li>a rolling update under way: the difference between {@code replicas + maxSurge} and what the
 *       replica sets hold now is spread over the active ones in proportion to their size, as each
 *       was sized for the {@value DeploymentAnnotations#MAX_REPLICAS} it carries; what rounding
 *       leaves goes to the largest (newest on a tie when growing, oldest when shrinking).
 * </ul>
 *
 * Also used for paused deployments, which scale but do not roll out.
 */
final class Scaling {

  private Scaling() {}

  /**
   * Whether the deployment's replicas changed since its active replica sets were sized (their
   * {@value DeploymentAnnotations#DESIRED_REPLICAS} differs).
   */
  static boolean isScalingEvent(Rollout rollout) {
    NewReplicaSets.sync(rollout, false);
    int replicas = DeploymentSpecs.replicas(rollout.deployment());
    for (ReplicaSet rs : rollout.replicaSets()) {
      int desired = DeploymentAnnotations.desiredReplicas(rs);
      if (ReplicaSetOrder.replicas(rs) > 0 && desired >= 0 && desired != replicas) {
        return true;
      }
    }
    return false;
  }

  /** Scales without rolling out, cleans up history if paused, and writes the status. */
  static Result sync(Rollout rollout) {
    NewReplicaSets.sync(rollout, false);
    scale(rollout);
    if (DeploymentSpecs.isPaused(rollout.deployment())) {
      HistoryCleanup.clean(rollout);
    }
    return RolloutStatus.syncStatus(rollout);
  }

  static void scale(Rollout rollout) {
    Deployment deployment = rollout.deployment();
    int replicas = DeploymentSpecs.replicas(deployment);
    Optional<ReplicaSet> newRs = rollout.newReplicaSet();
    List<ReplicaSet> old = rollout.oldReplicaSets();
    Optional<ReplicaSet> single = activeOrLatest(newRs, old);
    if (single.isPresent()) {
      rollout.scale(single.get(), replicas);
      return;
    }
    if (newRs.isPresent() && isSaturated(deployment, newRs.get())) {
      for (ReplicaSet rs : old) {
        if (ReplicaSetOrder.replicas(rs) > 0) {
          rollout.scale(rs, 0);
        }
      }
      return;
    }
    if (!DeploymentSpecs.isRollingUpdate(deployment)) {
      return;
    }
    List<ReplicaSet> active = new ArrayList<>();
    int current = 0;
    for (ReplicaSet rs : rollout.replicaSets()) {
      if (ReplicaSetOrder.replicas(rs) > 0) {
        active.add(rs);
        current += ReplicaSetOrder.replicas(rs);
      }
    }
    int allowed = replicas > 0 ? replicas + DeploymentSpecs.maxSurge(deployment) : 0;
    int toAdd = allowed - current;
    if (toAdd == 0 || active.isEmpty()) {
      return;
    }
    active.sort(
        toAdd > 0 ? ReplicaSetOrder.largestThenNewest() : ReplicaSetOrder.largestThenOldest());
    Map<String, Integer> sizes = new HashMap<>();
    int added = 0;
    for (ReplicaSet rs : active) {
      int proportion = proportion(deployment, rs, toAdd, added);
      sizes.put(rs.metadata().uid(), ReplicaSetOrder.replicas(rs) + proportion);
      added += proportion;
    }
    int leftover = toAdd - added;
    if (leftover != 0) {
      String first = active.getFirst().metadata().uid();
      sizes.put(first, Math.max(0, sizes.get(first) + leftover));
    }
    for (ReplicaSet rs : active) {
      rollout.scale(rs, sizes.get(rs.metadata().uid()));
    }
  }

  /**
   * The only active replica set; with none active, the new one or else the newest old one; empty
   * when several are active.
   */
  private static Optional<ReplicaSet> activeOrLatest(
      Optional<ReplicaSet> newRs, List<ReplicaSet> old) {
    List<ReplicaSet> all = new ArrayList<>(old);
    newRs.ifPresent(all::add);
    List<ReplicaSet> active = all.stream().filter(rs -> ReplicaSetOrder.replicas(rs) > 0).toList();
    if (active.size() == 1) {
      return Optional.of(active.getFirst());
    }
    if (active.isEmpty()) {
      return newRs.isPresent() ? newRs : old.stream().max(ReplicaSetOrder.oldestFirst());
    }
    return Optional.empty();
  }

  /** Whether the new replica set holds every replica, sized for them and all available. */
  private static boolean isSaturated(Deployment deployment, ReplicaSet newRs) {
    int replicas = DeploymentSpecs.replicas(deployment);
    return ReplicaSetOrder.replicas(newRs) == replicas
        && DeploymentAnnotations.desiredReplicas(newRs) == replicas
        && newRs.status().availableReplicas() >= replicas;
  }

  /**
   * The replica set's share of {@code toAdd}, of which {@code added} is given out already: its size
   * scaled from the {@value DeploymentAnnotations#MAX_REPLICAS} it was sized for to the new
   * maximum, never beyond what is left to give.
   */
  private static int proportion(Deployment deployment, ReplicaSet rs, int toAdd, int added) {
    int size = ReplicaSetOrder.replicas(rs);
    if (size == 0 || toAdd == added) {
      return 0;
    }
    int fraction = fraction(deployment, rs);
    int allowed = toAdd - added;
    return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
  }

  private static int fraction(Deployment deployment, ReplicaSet rs) {
    int size = ReplicaSetOrder.replicas(rs);
    int replicas = DeploymentSpecs.replicas(deployment);
    if (replicas == 0) {
      return -size;
    }
    int newMax = replicas + DeploymentSpecs.maxSurge(deployment);
    int sizedFor = DeploymentAnnotations.maxReplicas(rs);
    if (sizedFor <= 0) {
      sizedFor = deployment.status().replicas();
    }
    if (sizedFor <= 0) {
      return 0;
    }
    return (int) Math.round((double) size * newMax / sizedFor) - size;
  }
}
