package io.cetus.api.core;

import java.util.List;

import io.cetus.api.internal.Copies;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The load balancer addresses of a service; written as {@code {}} when there are none. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record LoadBalancerStatus(List<LoadBalancerIngress> ingress) {

  /** The zero value, which a manifest that leaves this out stands for. */
  public static final LoadBalancerStatus EMPTY = new LoadBalancerStatus(null);

  public LoadBalancerStatus {
    ingress = Copies.list(ingress);
  }
}
