package io.cetus.api.core;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Waits {@code seconds} before the container is stopped. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record SleepAction(long seconds) {}
