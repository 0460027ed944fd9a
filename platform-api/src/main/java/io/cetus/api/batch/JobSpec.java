package io.cetus.api.batch;

import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.cetus.api.core.PodTemplateSpec;
import io.cetus.api.internal.Copies;
import io.cetus.api.meta.LabelSelector;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The desired state of a {@link Job}. {@code podFailurePolicy} is kept as read-only JSON. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record JobSpec(
    @Nullable Integer parallelism,
    @Nullable Integer completions,
    @Nullable Long activeDeadlineSeconds,
    @Nullable Integer backoffLimit,
    @Nullable LabelSelector selector,
    @Nullable Boolean manualSelector,
    PodTemplateSpec template,
    @Nullable Integer ttlSecondsAfterFinished,
    @Nullable String completionMode,
    @Nullable Boolean suspend,
    @Nullable Map<String, Object> podFailurePolicy,
    @Nullable String podReplacementPolicy) {

  /** The zero value, which a manifest that leaves this out stands for. */
  public static final JobSpec EMPTY =
      new JobSpec(null, null, null, null, null, null, null, null, null, null, null, null);

  public JobSpec {
    template = Objects.requireNonNullElse(template, PodTemplateSpec.EMPTY);
    podFailurePolicy = Copies.json(podFailurePolicy);
  }
}
