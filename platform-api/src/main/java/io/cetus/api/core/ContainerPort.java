package io.cetus.api.core;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A port a container listens on. The node agent publishes it on the node, on {@code hostPort} when
 * given.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ContainerPort(
    @Nullable String name,
    @Nullable Integer hostPort,
    int containerPort,
    @Nullable String protocol,
    @Nullable String hostIP) {}
