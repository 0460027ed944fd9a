package io.cetus.api.apps;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.cetus.api.meta.Condition;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A condition of a deployment: {@code Available}, {@code Progressing} (reason {@code
 * NewReplicaSetAvailable} when a rollout is complete) or {@code ReplicaFailure}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record DeploymentCondition(
    String type,
    String status,
    @Nullable Instant lastUpdateTime,
    @Nullable Instant lastTransitionTime,
    @Nullable String reason,
    @Nullable String message)
    implements Condition {

  public static final String AVAILABLE = "Available";
  public static final String PROGRESSING = "Progressing";
  public static final String REPLICA_FAILURE = "ReplicaFailure";

  public DeploymentCondition {
    type = Objects.requireNonNullElse(type, "");
    status = Objects.requireNonNullElse(status, "");
  }
}
