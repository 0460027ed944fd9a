package io.cetus.api.core;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Not running yet, e.g. {@code ContainerCreating}, {@code ErrImagePull}, {@code CrashLoopBackOff}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ContainerStateWaiting(@Nullable String reason, @Nullable String message) {}
