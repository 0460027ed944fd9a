package io.cetus.api.core;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A file or directory of the node; {@code type} checks what must be there. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record HostPathVolumeSource(String path, @Nullable String type) {

  public HostPathVolumeSource {
    path = Objects.requireNonNullElse(path, "");
  }
}
