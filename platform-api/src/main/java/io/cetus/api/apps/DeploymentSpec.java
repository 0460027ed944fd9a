package io.cetus.api.apps;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.cetus.api.core.PodTemplateSpec;
import io.cetus.api.meta.LabelSelector;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The desired state of a {@link Deployment}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record DeploymentSpec(
    @Nullable Integer replicas,
    @Nullable LabelSelector selector,
    PodTemplateSpec template,
    DeploymentStrategy strategy,
    @Nullable Integer minReadySeconds,
    @Nullable Integer revisionHistoryLimit,
    @Nullable Boolean paused,
    @Nullable Integer progressDeadlineSeconds) {

  /** The zero value, which a manifest that leaves this out stands for. */
  public static final DeploymentSpec EMPTY =
      new DeploymentSpec(null, null, null, null, null, null, null, null);

  public DeploymentSpec {
    template = Objects.requireNonNullElse(template, PodTemplateSpec.EMPTY);
    strategy = Objects.requireNonNullElse(strategy, DeploymentStrategy.EMPTY);
  }
}
