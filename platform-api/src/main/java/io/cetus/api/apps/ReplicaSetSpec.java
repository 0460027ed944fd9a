package io.cetus.api.apps;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.cetus.api.core.PodTemplateSpec;
import io.cetus.api.meta.LabelSelector;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The desired state of a {@link ReplicaSet}; {@code replicas} defaults to 1. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ReplicaSetSpec(
    @Nullable Integer replicas,
    @Nullable Integer minReadySeconds,
    @Nullable LabelSelector selector,
    PodTemplateSpec template) {

  /** The zero value, which a manifest that leaves this out stands for. */
  public static final ReplicaSetSpec EMPTY = new ReplicaSetSpec(null, null, null, null);

  public ReplicaSetSpec {
    template = Objects.requireNonNullElse(template, PodTemplateSpec.EMPTY);
  }
}
