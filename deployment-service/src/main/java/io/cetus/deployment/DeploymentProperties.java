package io.cetus.deployment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code platform.deployment.*}.
 *
 * @param workers how many deployments are reconciled at once (one deployment is never reconciled by
 *     two workers at a time)
 */
@ConfigurationProperties("platform.deployment")
public record DeploymentProperties(@DefaultValue("4") int workers) {}
