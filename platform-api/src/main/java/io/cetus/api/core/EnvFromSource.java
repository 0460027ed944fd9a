package io.cetus.api.core;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Every key of a config map or secret as environment variables, each name prefixed with {@code
 * prefix}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record EnvFromSource(
    @Nullable String prefix,
    @Nullable ConfigMapEnvSource configMapRef,
    @Nullable SecretEnvSource secretRef) {}
