package io.cetus.api.core;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Endpoints of the daemons on a node. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record NodeDaemonEndpoints(DaemonEndpoint kubeletEndpoint) {

  public NodeDaemonEndpoints {
    kubeletEndpoint = Objects.requireNonNullElse(kubeletEndpoint, DaemonEndpoint.EMPTY);
  }
}
