package io.cetus.api.batch;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.cetus.api.meta.Condition;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A condition of a job: {@code Complete}, {@code Failed}, {@code Suspended}, ... */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record JobCondition(
    String type,
    String status,
    @Nullable Instant lastProbeTime,
    @Nullable Instant lastTransitionTime,
    @Nullable String reason,
    @Nullable String message)
    implements Condition {

  public static final String COMPLETE = "Complete";
  public static final String FAILED = "Failed";
  public static final String SUSPENDED = "Suspended";

  public JobCondition {
    type = Objects.requireNonNullElse(type, "");
    status = Objects.requireNonNullElse(status, "");
  }
}
