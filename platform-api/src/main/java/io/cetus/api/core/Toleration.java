package io.cetus.api.core;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Lets a pod onto nodes with a matching taint; {@code operator} is {@code Equal} (default) or
 * {@code Exists}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Toleration(
    @Nullable String key,
    @Nullable String operator,
    @Nullable String value,
    @Nullable String effect,
    @Nullable Long tolerationSeconds) {}
