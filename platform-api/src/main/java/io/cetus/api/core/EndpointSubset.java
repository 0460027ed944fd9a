package io.cetus.api.core;

import java.util.List;

import io.cetus.api.internal.Copies;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A set of addresses that all serve the same {@code ports}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record EndpointSubset(
    List<EndpointAddress> addresses,
    List<EndpointAddress> notReadyAddresses,
    List<EndpointPort> ports) {

  public EndpointSubset {
    addresses = Copies.list(addresses);
    notReadyAddresses = Copies.list(notReadyAddresses);
    ports = Copies.list(ports);
  }
}
