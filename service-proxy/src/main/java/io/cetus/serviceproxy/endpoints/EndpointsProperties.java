package io.cetus.serviceproxy.endpoints;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code platform.service-proxy.endpoints.*}.
 *
 * @param enabled whether this proxy runs the endpoints controller (every proxy does by default:
 *     instances agree on what to write, so running several only costs a few lost write races)
 * @param workers how many services are reconciled at once (one service is never reconciled by two
 *     workers at a time)
 */
@ConfigurationProperties("platform.service-proxy.endpoints")
public record EndpointsProperties(
    @DefaultValue("true") boolean enabled, @DefaultValue("4") int workers) {}
