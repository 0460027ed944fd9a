package io.cetus.api.core;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An address of a node, of type {@code InternalIP}, {@code ExternalIP} or {@code Hostname}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record NodeAddress(String type, String address) {

  public NodeAddress {
    type = Objects.requireNonNullElse(type, "");
    address = Objects.requireNonNullElse(address, "");
  }
}
