package io.cetus.api.apps;

import org.jspecify.annotations.Nullable;

import io.cetus.api.meta.IntOrString;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Pods with an ordinal below {@code partition} keep the old revision. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record RollingUpdateStatefulSetStrategy(
    @Nullable Integer partition, @Nullable IntOrString maxUnavailable) {}
