package io.cetus.api.core;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A port of an {@link EndpointSubset}; {@code name} matches the service port's name. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record EndpointPort(
    @Nullable String name, int port, @Nullable String protocol, @Nullable String appProtocol) {}
