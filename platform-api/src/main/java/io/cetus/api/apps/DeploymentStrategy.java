package io.cetus.api.apps;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How a {@link Deployment} replaces pods: {@code RollingUpdate} (the default) or {@code Recreate}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record DeploymentStrategy(
    @Nullable String type, @Nullable RollingUpdateDeployment rollingUpdate) {

  public static final String ROLLING_UPDATE = "RollingUpdate";
  public static final String RECREATE = "Recreate";

  /** The zero value, which a manifest that leaves this out stands for. */
  public static final DeploymentStrategy EMPTY = new DeploymentStrategy(null, null);
}
