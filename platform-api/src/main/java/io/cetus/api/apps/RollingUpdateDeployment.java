package io.cetus.api.apps;

import org.jspecify.annotations.Nullable;

import io.cetus.api.meta.IntOrString;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The pace of a rolling update: pods that may be missing ({@code maxUnavailable}) or extra ({@code
 * maxSurge}), each a count or a percentage such as {@code "25%"}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record RollingUpdateDeployment(
    @Nullable IntOrString maxUnavailable, @Nullable IntOrString maxSurge) {}
