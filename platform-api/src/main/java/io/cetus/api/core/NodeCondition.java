package io.cetus.api.core;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.cetus.api.meta.Condition;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A condition of a node, e.g. {@code Ready}; {@code lastHeartbeatTime} is when the agent last
 * confirmed it.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record NodeCondition(
    String type,
    String status,
    @Nullable Instant lastHeartbeatTime,
    @Nullable Instant lastTransitionTime,
    @Nullable String reason,
    @Nullable String message)
    implements Condition {

  public static final String READY = "Ready";

  public NodeCondition {
    type = Objects.requireNonNullElse(type, "");
    status = Objects.requireNonNullElse(status, "");
  }
}
