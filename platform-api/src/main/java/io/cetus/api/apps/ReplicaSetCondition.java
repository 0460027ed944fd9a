package io.cetus.api.apps;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.cetus.api.meta.Condition;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A condition of a replica set, e.g. {@code ReplicaFailure}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ReplicaSetCondition(
    String type,
    String status,
    @Nullable Instant lastTransitionTime,
    @Nullable String reason,
    @Nullable String message)
    implements Condition {

  public ReplicaSetCondition {
    type = Objects.requireNonNullElse(type, "");
    status = Objects.requireNonNullElse(status, "");
  }
}
