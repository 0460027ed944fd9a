package io.cetus.api.core;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One address a load-balanced service is reachable at. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record LoadBalancerIngress(
    @Nullable String ip, @Nullable String hostname, @Nullable String ipMode) {}
