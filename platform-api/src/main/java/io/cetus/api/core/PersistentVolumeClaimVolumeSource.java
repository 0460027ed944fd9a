package io.cetus.api.core;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A persistent volume claim in the pod's namespace. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PersistentVolumeClaimVolumeSource(String claimName, @Nullable Boolean readOnly) {

  public PersistentVolumeClaimVolumeSource {
    claimName = Objects.requireNonNullElse(claimName, "");
  }
}
