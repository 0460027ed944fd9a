package io.cetus.api.core;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One key of a config map or secret, projected to {@code path} in the volume. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record KeyToPath(String key, String path, @Nullable Integer mode) {

  public KeyToPath {
    key = Objects.requireNonNullElse(key, "");
    path = Objects.requireNonNullElse(path, "");
  }
}
