package io.cetus.api.core;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Running since {@code startedAt}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ContainerStateRunning(@Nullable Instant startedAt) {}
