package io.cetus.api.core;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Where a volume of the pod appears inside a container. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record VolumeMount(
    String name,
    @Nullable Boolean readOnly,
    String mountPath,
    @Nullable String subPath,
    @Nullable String mountPropagation,
    @Nullable String subPathExpr) {

  public VolumeMount {
    name = Objects.requireNonNullElse(name, "");
    mountPath = Objects.requireNonNullElse(mountPath, "");
  }
}
