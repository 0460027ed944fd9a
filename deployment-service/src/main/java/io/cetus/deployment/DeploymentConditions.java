package io.cetus.deployment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.cetus.api.apps.DeploymentCondition;
import io.cetus.api.meta.Condition;

/**
 * The {@code Available}, {@code Progressing} and {@code ReplicaFailure} conditions of a deployment,
 * with Kubernetes' reasons, and how they are set: a condition whose status and reason stay the same
 * is left as it is; one whose status stays keeps its {@code lastTransitionTime}.
 */
final class DeploymentConditions {

  static final String NEW_REPLICA_SET_CREATED = "NewReplicaSetCreated";
  static final String FOUND_NEW_REPLICA_SET = "FoundNewReplicaSet";
  static final String REPLICA_SET_UPDATED = "ReplicaSetUpdated";
  static final String NEW_REPLICA_SET_AVAILABLE = "NewReplicaSetAvailable";
  static final String PROGRESS_DEADLINE_EXCEEDED = "ProgressDeadlineExceeded";
  static final String REPLICA_SET_CREATE_ERROR = "ReplicaSetCreateError";
  static final String DEPLOYMENT_PAUSED = "DeploymentPaused";
  static final String DEPLOYMENT_RESUMED = "DeploymentResumed";
  static final String MINIMUM_REPLICAS_AVAILABLE = "MinimumReplicasAvailable";
  static final String MINIMUM_REPLICAS_UNAVAILABLE = "MinimumReplicasUnavailable";

  private DeploymentConditions() {}

  static DeploymentCondition of(
      String type, String status, String reason, String message, Instant now) {
    return new DeploymentCondition(type, status, now, now, reason, message);
  }

  static Optional<DeploymentCondition> progressing(List<DeploymentCondition> conditions) {
    return Condition.find(conditions, DeploymentCondition.PROGRESSING);
  }

  /**
   * {@code conditions} with {@code condition} in place of the one of its type: unchanged if that
   * one has the same status and reason; keeping its {@code lastTransitionTime} if the same status.
   */
  static List<DeploymentCondition> set(
      List<DeploymentCondition> conditions, DeploymentCondition condition) {
    Optional<DeploymentCondition> current = Condition.find(conditions, condition.type());
    if (current.isPresent()
        && current.get().status().equals(condition.status())
        && java.util.Objects.equals(current.get().reason(), condition.reason())) {
      return conditions;
    }
    DeploymentCondition placed = condition;
    if (current.isPresent() && current.get().status().equals(condition.status())) {
      placed =
          new DeploymentCondition(
              condition.type(),
              condition.status(),
              condition.lastUpdateTime(),
              current.get().lastTransitionTime(),
              condition.reason(),
              condition.message());
    }
    List<DeploymentCondition> updated = new ArrayList<>(remove(conditions, condition.type()));
    updated.add(placed);
    return List.copyOf(updated);
  }

  static List<DeploymentCondition> remove(List<DeploymentCondition> conditions, String type) {
    return conditions.stream().filter(condition -> !condition.type().equals(type)).toList();
  }
}
