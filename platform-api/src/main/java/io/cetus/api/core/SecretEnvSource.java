package io.cetus.api.core;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The secret an {@link EnvFromSource} reads. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record SecretEnvSource(@Nullable String name, @Nullable Boolean optional) {}
