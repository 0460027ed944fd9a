package io.cetus.api.apps;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.cetus.api.internal.Copies;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The observed state of a {@link Deployment}, as {@code kubectl rollout status} reads it. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record DeploymentStatus(
    long observedGeneration,
    int replicas,
    int updatedReplicas,
    int readyReplicas,
    int availableReplicas,
    int unavailableReplicas,
    List<DeploymentCondition> conditions,
    @Nullable Integer collisionCount) {

  /** The zero value, which a manifest that leaves this out stands for. */
  public static final DeploymentStatus EMPTY = new DeploymentStatus(0, 0, 0, 0, 0, 0, null, null);

  public DeploymentStatus {
    conditions = Copies.list(conditions);
  }
}
