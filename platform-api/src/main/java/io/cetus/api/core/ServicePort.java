package io.cetus.api.core;

import org.jspecify.annotations.Nullable;

import io.cetus.api.meta.IntOrString;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A port of a service: traffic to {@code port} goes to {@code targetPort} (a number or a container
 * port name) of the selected pods; {@code nodePort} also exposes it on every node.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ServicePort(
    @Nullable String name,
    @Nullable String protocol,
    @Nullable String appProtocol,
    int port,
    @Nullable IntOrString targetPort,
    @Nullable Integer nodePort) {}
