package io.cetus.api.core;

import org.jspecify.annotations.Nullable;

import io.cetus.api.quantity.Quantity;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A directory that lives as long as the pod; written as {@code {}} when nothing is set. {@code
 * medium: Memory} asks for tmpfs.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record EmptyDirVolumeSource(@Nullable String medium, @Nullable Quantity sizeLimit) {}
