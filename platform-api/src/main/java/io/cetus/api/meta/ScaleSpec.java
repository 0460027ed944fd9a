package io.cetus.api.meta;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The desired replica count of a {@link Scale}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScaleSpec(@Nullable Integer replicas) {}
