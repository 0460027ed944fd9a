package io.cetus.api.apps;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.cetus.api.core.PodTemplateSpec;
import io.cetus.api.meta.LabelSelector;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The desired state of a {@link DaemonSet}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record DaemonSetSpec(
    @Nullable LabelSelector selector,
    PodTemplateSpec template,
    DaemonSetUpdateStrategy updateStrategy,
    @Nullable Integer minReadySeconds,
    @Nullable Integer revisionHistoryLimit) {

  /** The zero value, which a manifest that leaves this out stands for. */
  public static final DaemonSetSpec EMPTY = new DaemonSetSpec(null, null, null, null, null);

  public DaemonSetSpec {
    template = Objects.requireNonNullElse(template, PodTemplateSpec.EMPTY);
    updateStrategy = Objects.requireNonNullElse(updateStrategy, DaemonSetUpdateStrategy.EMPTY);
  }
}
