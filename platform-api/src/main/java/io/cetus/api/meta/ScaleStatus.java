package io.cetus.api.meta;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The observed replica count of a {@link Scale}, and the workload's selector as text ({@code
 * app=web}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScaleStatus(int replicas, @Nullable String selector) {}
