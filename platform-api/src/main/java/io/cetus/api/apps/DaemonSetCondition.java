package io.cetus.api.apps;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.cetus.api.meta.Condition;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A condition of a daemon set. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record DaemonSetCondition(
    String type,
    String status,
    @Nullable Instant lastTransitionTime,
    @Nullable String reason,
    @Nullable String message)
    implements Condition {

  public DaemonSetCondition {
    type = Objects.requireNonNullElse(type, "");
    status = Objects.requireNonNullElse(status, "");
  }
}
