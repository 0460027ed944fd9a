package io.cetus.deployment;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.cetus.api.apps.Deployment;
import io.cetus.api.apps.DeploymentCondition;
import io.cetus.api.apps.DeploymentStatus;
import io.cetus.api.apps.ReplicaSet;
import io.cetus.api.apps.ReplicaSetCondition;
import io.cetus.api.meta.Condition;
import io.cetus.controller.reconcile.Result;

/**
 * The status a deployment reports, computed from its replica sets as {@code kubectl rollout status}
 * reads it:
 *
 * <ul>
 *   <li>{@code replicas}: pods of every replica set ({@code status.replicas}); {@code
 *       updatedReplicas}: those of the new one; {@code readyReplicas}, {@code availableReplicas}:
 *       summed; {@code unavailableReplicas}: wanted by the replica sets' specs but not available;
 *       {@code observedGeneration}; {@code collisionCount} kept;
 *   <li>{@code Available}: {@code True} ({@code MinimumReplicasAvailable}) while at least {@code
 *       replicas - maxUnavailable} pods are available;
 *   <li>{@code Progressing}: {@code True} with {@code NewReplicaSetCreated} or {@code
 *       FoundNewReplicaSet} when the new replica set appears, {@code ReplicaSetUpdated} each time
 *       the rollout moves (which restarts the deadline), {@code NewReplicaSetAvailable} when it is
 *       complete; {@code False} with {@code ProgressDeadlineExceeded} when it has not moved for
 *       {@code progressDeadlineSeconds}; {@code Unknown} with {@code DeploymentPaused} / {@code
 *       DeploymentResumed};
 *   <li>{@code ReplicaFailure}: copied from the first replica set reporting one, new one first.
 * </ul>
 */
final class RolloutStatus {

  private RolloutStatus() {}

  /** The status the deployment's replica sets add up to, with {@code Available} set. */
  static DeploymentStatus calculate(Rollout rollout) {
    Deployment deployment = rollout.deployment();
    List<ReplicaSet> all = rollout.replicaSets();
    int specReplicas = 0;
    int replicas = 0;
    int ready = 0;
    int available = 0;
    for (ReplicaSet rs : all) {
      specReplicas += ReplicaSetOrder.replicas(rs);
      replicas += rs.status().replicas();
      ready += rs.status().readyReplicas();
      available += rs.status().availableReplicas();
    }
    int updated = rollout.newReplicaSet().map(rs -> rs.status().replicas()).orElse(0);
    Instant now = rollout.now();
    DeploymentCondition availability =
        available
                >= DeploymentSpecs.replicas(deployment) - DeploymentSpecs.maxUnavailable(deployment)
            ? DeploymentConditions.of(
                DeploymentCondition.AVAILABLE,
                Condition.TRUE,
                DeploymentConditions.MINIMUM_REPLICAS_AVAILABLE,
                "Deployment has minimum availability.",
                now)
            : DeploymentConditions.of(
                DeploymentCondition.AVAILABLE,
                Condition.FALSE,
                DeploymentConditions.MINIMUM_REPLICAS_UNAVAILABLE,
                "Deployment does not have minimum availability.",
                now);
    Long generation = deployment.metadata().generation();
    return new DeploymentStatus(
        generation == null ? 0 : generation,
        replicas,
        updated,
        ready,
        available,
        Math.max(0, specReplicas - available),
        DeploymentConditions.set(deployment.status().conditions(), availability),
        deployment.status().collisionCount());
  }

  /** Writes the calculated status if it changed; the Progressing condition is left as it is. */
  static Result syncStatus(Rollout rollout) {
    rollout.writeStatus(calculate(rollout));
    return Result.DONE;
  }

  /**
   * Writes the calculated status with {@code Progressing} moved on (complete, progressing or timed
   * out) and {@code ReplicaFailure} from the replica sets; asks to be run again when the progress
   * deadline falls, so a stalled rollout times out without another event.
   */
  static Result syncRolloutStatus(Rollout rollout) {
    Deployment deployment = rollout.deployment();
    DeploymentStatus status = calculate(rollout);
    List<DeploymentCondition> conditions = status.conditions();
    Optional<Duration> deadline = DeploymentSpecs.progressDeadline(deployment);
    Optional<DeploymentCondition> current =
        DeploymentConditions.progressing(deployment.status().conditions());
    if (deadline.isEmpty()) {
      conditions = DeploymentConditions.remove(conditions, DeploymentCondition.PROGRESSING);
    }
    boolean alreadyComplete =
        status.replicas() == status.updatedReplicas()
            && current
                .map(c -> DeploymentConditions.NEW_REPLICA_SET_AVAILABLE.equals(c.reason()))
                .orElse(false);
    String newName = rollout.newReplicaSet().map(rs -> rs.metadata().name()).orElse(null);
    Instant now = rollout.now();
    if (deadline.isPresent() && !alreadyComplete) {
      if (isComplete(deployment, status)) {
        conditions =
            DeploymentConditions.set(
                conditions,
                DeploymentConditions.of(
                    DeploymentCondition.PROGRESSING,
                    Condition.TRUE,
                    DeploymentConditions.NEW_REPLICA_SET_AVAILABLE,
                    "ReplicaSet \"%s\" has successfully progressed.".formatted(newName),
                    now));
      } else if (isProgressing(deployment.status(), status)) {
        // set afresh every time: its lastUpdateTime is where the deadline counts from
        DeploymentCondition moving =
            new DeploymentCondition(
                DeploymentCondition.PROGRESSING,
                Condition.TRUE,
                now,
                current
                    .filter(c -> Condition.TRUE.equals(c.status()))
                    .map(DeploymentCondition::lastTransitionTime)
                    .orElse(now),
                DeploymentConditions.REPLICA_SET_UPDATED,
                "ReplicaSet \"%s\" is progressing.".formatted(newName));
        conditions =
            DeploymentConditions.set(
                DeploymentConditions.remove(conditions, DeploymentCondition.PROGRESSING), moving);
      } else if (isTimedOut(deployment, conditions, now)) {
        conditions =
            DeploymentConditions.set(
                conditions,
                DeploymentConditions.of(
                    DeploymentCondition.PROGRESSING,
                    Condition.FALSE,
                    DeploymentConditions.PROGRESS_DEADLINE_EXCEEDED,
                    "ReplicaSet \"%s\" has timed out progressing.".formatted(newName),
                    now));
      }
    }
    Optional<DeploymentCondition> failure = replicaFailure(rollout);
    conditions =
        failure.isPresent()
            ? DeploymentConditions.set(conditions, failure.get())
            : DeploymentConditions.remove(conditions, DeploymentCondition.REPLICA_FAILURE);
    DeploymentStatus written = withConditions(status, conditions);
    rollout.writeStatus(written);
    return untilDeadline(deployment, written, now).map(Result::requeueIn).orElse(Result.DONE);
  }

  /**
   * Sets {@code Progressing} to {@code Unknown} with {@code DeploymentPaused} when the deployment
   * is paused, and {@code DeploymentResumed} when it no longer is; a timed-out rollout keeps its
   * {@code ProgressDeadlineExceeded}.
   */
  static void syncPausedCondition(Rollout rollout) {
    Deployment deployment = rollout.deployment();
    if (DeploymentSpecs.progressDeadline(deployment).isEmpty()) {
      return;
    }
    Optional<DeploymentCondition> current =
        DeploymentConditions.progressing(deployment.status().conditions());
    String reason = current.map(DeploymentCondition::reason).orElse(null);
    if (DeploymentConditions.PROGRESS_DEADLINE_EXCEEDED.equals(reason)) {
      return;
    }
    boolean paused = DeploymentSpecs.isPaused(deployment);
    boolean markedPaused = DeploymentConditions.DEPLOYMENT_PAUSED.equals(reason);
    DeploymentCondition condition;
    if (paused && !markedPaused) {
      condition =
          DeploymentConditions.of(
              DeploymentCondition.PROGRESSING,
              Condition.UNKNOWN,
              DeploymentConditions.DEPLOYMENT_PAUSED,
              "Deployment is paused",
              rollout.now());
    } else if (!paused && markedPaused) {
      condition =
          DeploymentConditions.of(
              DeploymentCondition.PROGRESSING,
              Condition.UNKNOWN,
              DeploymentConditions.DEPLOYMENT_RESUMED,
              "Deployment is resumed",
              rollout.now());
    } else {
      return;
    }
    DeploymentStatus status = deployment.status();
    rollout.writeStatus(
        withConditions(status, DeploymentConditions.set(status.conditions(), condition)));
  }

  /**
   * Whether the rollout is done: every wanted replica is updated and available and nothing else
   * runs, for the current generation.
   */
  static boolean isComplete(Deployment deployment, DeploymentStatus status) {
    int replicas = DeploymentSpecs.replicas(deployment);
    Long generation = deployment.metadata().generation();
    return status.updatedReplicas() == replicas
        && status.replicas() == replicas
        && status.availableReplicas() == replicas
        && status.observedGeneration() >= (generation == null ? 0 : generation);
  }

  /**
   * Whether the rollout moved since {@code before}: more updated, ready or available, fewer old.
   */
  private static boolean isProgressing(DeploymentStatus before, DeploymentStatus after) {
    int oldBefore = before.replicas() - before.updatedReplicas();
    int oldAfter = after.replicas() - after.updatedReplicas();
    return after.updatedReplicas() > before.updatedReplicas()
        || oldAfter < oldBefore
        || after.readyReplicas() > before.readyReplicas()
        || after.availableReplicas() > before.availableReplicas();
  }

  private static boolean isTimedOut(
      Deployment deployment, List<DeploymentCondition> conditions, Instant now) {
    Optional<Duration> deadline = DeploymentSpecs.progressDeadline(deployment);
    Optional<DeploymentCondition> progressing = DeploymentConditions.progressing(conditions);
    if (deadline.isEmpty() || progressing.isEmpty()) {
      return false;
    }
    String reason = progressing.get().reason();
    if (DeploymentConditions.NEW_REPLICA_SET_AVAILABLE.equals(reason)) {
      return false;
    }
    if (DeploymentConditions.PROGRESS_DEADLINE_EXCEEDED.equals(reason)) {
      return true;
    }
    Instant from = progressing.get().lastUpdateTime();
    return from != null && from.plus(deadline.get()).isBefore(now);
  }

  /**
   * How long until the rollout's progress deadline falls (and one second more, so it has passed):
   * empty when complete, timed out already, or without a deadline.
   */
  private static Optional<Duration> untilDeadline(
      Deployment deployment, DeploymentStatus status, Instant now) {
    Optional<Duration> deadline = DeploymentSpecs.progressDeadline(deployment);
    Optional<DeploymentCondition> progressing =
        DeploymentConditions.progressing(status.conditions());
    if (deadline.isEmpty()
        || progressing.isEmpty()
        || isComplete(deployment, status)
        || progressing.get().lastUpdateTime() == null) {
      return Optional.empty();
    }
    String reason = progressing.get().reason();
    if (DeploymentConditions.PROGRESS_DEADLINE_EXCEEDED.equals(reason)
        || DeploymentConditions.NEW_REPLICA_SET_AVAILABLE.equals(reason)) {
      return Optional.empty();
    }
    Duration left = Duration.between(now, progressing.get().lastUpdateTime().plus(deadline.get()));
    return Optional.of(left.isNegative() ? Duration.ofSeconds(1) : left.plusSeconds(1));
  }

  private static Optional<DeploymentCondition> replicaFailure(Rollout rollout) {
    Optional<ReplicaSet> newRs = rollout.newReplicaSet();
    java.util.ArrayList<ReplicaSet> order = new java.util.ArrayList<>();
    newRs.ifPresent(order::add);
    order.addAll(rollout.oldReplicaSets());
    for (ReplicaSet rs : order) {
      Optional<ReplicaSetCondition> failure =
          Condition.find(rs.status().conditions(), DeploymentCondition.REPLICA_FAILURE);
      if (failure.isPresent()) {
        ReplicaSetCondition c = failure.get();
        return Optional.of(
            new DeploymentCondition(
                DeploymentCondition.REPLICA_FAILURE,
                c.status(),
                c.lastTransitionTime(),
                c.lastTransitionTime(),
                c.reason(),
                c.message()));
      }
    }
    return Optional.empty();
  }

  static DeploymentStatus withConditions(
      DeploymentStatus status, List<DeploymentCondition> conditions) {
    return new DeploymentStatus(
        status.observedGeneration(),
        status.replicas(),
        status.updatedReplicas(),
        status.readyReplicas(),
        status.availableReplicas(),
        status.unavailableReplicas(),
        conditions,
        status.collisionCount());
  }

  static DeploymentStatus withCollisionCount(DeploymentStatus status, @Nullable Integer count) {
    return new DeploymentStatus(
        status.observedGeneration(),
        status.replicas(),
        status.updatedReplicas(),
        status.readyReplicas(),
        status.availableReplicas(),
        status.unavailableReplicas(),
        status.conditions(),
        count);
  }
}
