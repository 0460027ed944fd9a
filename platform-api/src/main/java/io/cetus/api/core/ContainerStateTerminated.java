package io.cetus.api.core;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Ended with {@code exitCode}; {@code reason} such as {@code Completed}, {@code Error} or {@code
 * OOMKilled}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ContainerStateTerminated(
    int exitCode,
    @Nullable Integer signal,
    @Nullable String reason,
    @Nullable String message,
    @Nullable Instant startedAt,
    @Nullable Instant finishedAt,
    @Nullable String containerID) {}
