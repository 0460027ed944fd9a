package io.cetus.api.apps;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.cetus.api.internal.Copies;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The observed state of a {@link DaemonSet}, counted in nodes. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record DaemonSetStatus(
    int currentNumberScheduled,
    int numberMisscheduled,
    int desiredNumberScheduled,
    int numberReady,
    long observedGeneration,
    int updatedNumberScheduled,
    int numberAvailable,
    int numberUnavailable,
    @Nullable Integer collisionCount,
    List<DaemonSetCondition> conditions) {

  /** The zero value, which a manifest that leaves this out stands for. */
  public static final DaemonSetStatus EMPTY =
      new DaemonSetStatus(0, 0, 0, 0, 0, 0, 0, 0, null, null);

  public DaemonSetStatus {
    conditions = Copies.list(conditions);
  }
}
