package io.cetus.api.core;

import java.util.Objects;

import io.cetus.api.internal.Copies;
import io.cetus.api.meta.ObjectMeta;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The pod a workload creates: labels and annotations in {@code metadata}, the pod spec in {@code
 * spec}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PodTemplateSpec(ObjectMeta metadata, PodSpec spec) {

  /** The zero value, which a manifest that leaves this out stands for. */
  public static final PodTemplateSpec EMPTY = new PodTemplateSpec(null, null);

  public PodTemplateSpec {
    metadata = Copies.metadata(metadata);
    spec = Objects.requireNonNullElse(spec, PodSpec.EMPTY);
  }
}
