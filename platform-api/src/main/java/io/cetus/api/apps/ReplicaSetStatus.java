package io.cetus.api.apps;

import java.util.List;

import io.cetus.api.internal.Copies;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The observed state of a {@link ReplicaSet}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ReplicaSetStatus(
    int replicas,
    int fullyLabeledReplicas,
    int readyReplicas,
    int availableReplicas,
    long observedGeneration,
    List<ReplicaSetCondition> conditions) {

  /** The zero value, which a manifest that leaves this out stands for. */
  public static final ReplicaSetStatus EMPTY = new ReplicaSetStatus(0, 0, 0, 0, 0, null);

  public ReplicaSetStatus {
    conditions = Copies.list(conditions);
  }
}
