package io.cetus.api.core;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An environment variable: a literal {@code value} or one taken from {@code valueFrom}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record EnvVar(String name, @Nullable String value, @Nullable EnvVarSource valueFrom) {

  public EnvVar {
    name = Objects.requireNonNullElse(name, "");
  }
}
