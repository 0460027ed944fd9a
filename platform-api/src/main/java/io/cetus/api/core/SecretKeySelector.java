package io.cetus.api.core;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One key of a secret in the pod's namespace; {@code optional} tolerates its absence. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record SecretKeySelector(@Nullable String name, String key, @Nullable Boolean optional) {

  public SecretKeySelector {
    key = Objects.requireNonNullElse(key, "");
  }
}
