package io.cetus.api.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A daemon's port. Kubernetes spells the JSON field {@code Port}, capitalised. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record DaemonEndpoint(@JsonProperty("Port") int port) {

  /** The zero value, which a manifest that leaves this out stands for. */
  public static final DaemonEndpoint EMPTY = new DaemonEndpoint(0);
}
