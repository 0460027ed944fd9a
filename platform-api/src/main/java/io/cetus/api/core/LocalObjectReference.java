package io.cetus.api.core;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Names an object in the same namespace, e.g. an image pull secret. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record LocalObjectReference(@Nullable String name) {}
