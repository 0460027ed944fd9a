package io.cetus.api.core;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.cetus.api.json.MicroTimeSerializer;

import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.databind.annotation.JsonSerialize;

/** How often an event recurred, for events reported in the newer style. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record EventSeries(
    int count,
    @JsonSerialize(using = MicroTimeSerializer.class) @Nullable Instant lastObservedTime) {}
