package io.cetus.api.core;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The config map an {@link EnvFromSource} reads. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ConfigMapEnvSource(@Nullable String name, @Nullable Boolean optional) {}
