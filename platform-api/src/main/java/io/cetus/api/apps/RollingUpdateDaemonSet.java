package io.cetus.api.apps;

import org.jspecify.annotations.Nullable;

import io.cetus.api.meta.IntOrString;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The pace of a daemon set rolling update, as counts or percentages. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record RollingUpdateDaemonSet(
    @Nullable IntOrString maxUnavailable, @Nullable IntOrString maxSurge) {}
