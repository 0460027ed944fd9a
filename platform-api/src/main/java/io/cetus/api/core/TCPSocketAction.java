package io.cetus.api.core;

import org.jspecify.annotations.Nullable;

import io.cetus.api.meta.IntOrString;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Opens a TCP connection; success if it connects. {@code port} is a number or a port name. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record TCPSocketAction(@Nullable IntOrString port, @Nullable String host) {}
