package io.cetus.api.core;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The observed state of a {@link Service}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ServiceStatus(LoadBalancerStatus loadBalancer) {

  /** The zero value, which a manifest that leaves this out stands for. */
  public static final ServiceStatus EMPTY = new ServiceStatus(null);

  public ServiceStatus {
    loadBalancer = Objects.requireNonNullElse(loadBalancer, LoadBalancerStatus.EMPTY);
  }
}
