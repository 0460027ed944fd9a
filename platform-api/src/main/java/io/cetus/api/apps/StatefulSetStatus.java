package io.cetus.api.apps;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.cetus.api.internal.Copies;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The observed state of a {@link StatefulSet}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record StatefulSetStatus(
    long observedGeneration,
    int replicas,
    int readyReplicas,
    int currentReplicas,
    int updatedReplicas,
    @Nullable String currentRevision,
    @Nullable String updateRevision,
    @Nullable Integer collisionCount,
    List<StatefulSetCondition> conditions,
    int availableReplicas) {

  /** The zero value, which a manifest that leaves this out stands for. */
  public static final StatefulSetStatus EMPTY =
      new StatefulSetStatus(0, 0, 0, 0, 0, null, null, null, null, 0);

  public StatefulSetStatus {
    conditions = Copies.list(conditions);
  }
}
