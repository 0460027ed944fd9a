package io.cetus.api.core;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.cetus.api.meta.Condition;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A condition of a pod: {@code PodScheduled}, {@code Initialized}, {@code ContainersReady} or
 * {@code Ready}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PodCondition(
    String type,
    String status,
    @Nullable Instant lastProbeTime,
    @Nullable Instant lastTransitionTime,
    @Nullable String reason,
    @Nullable String message)
    implements Condition {

  public static final String POD_SCHEDULED = "PodScheduled";
  public static final String INITIALIZED = "Initialized";
  public static final String CONTAINERS_READY = "ContainersReady";
  public static final String READY = "Ready";

  public PodCondition {
    type = Objects.requireNonNullElse(type, "");
    status = Objects.requireNonNullElse(status, "");
  }
}
