package io.cetus.api.core;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Hooks around a container's life: {@code postStart} runs right after it starts, {@code preStop}
 * before it is stopped.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Lifecycle(@Nullable LifecycleHandler postStart, @Nullable LifecycleHandler preStop) {}
