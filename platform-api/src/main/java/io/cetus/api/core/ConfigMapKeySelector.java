package io.cetus.api.core;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One key of a config map in the pod's namespace; {@code optional} tolerates its absence. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ConfigMapKeySelector(@Nullable String name, String key, @Nullable Boolean optional) {

  public ConfigMapKeySelector {
    key = Objects.requireNonNullElse(key, "");
  }
}
