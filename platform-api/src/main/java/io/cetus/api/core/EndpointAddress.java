package io.cetus.api.core;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One backend address; {@code targetRef} names the pod behind it. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record EndpointAddress(
    String ip,
    @Nullable String hostname,
    @Nullable String nodeName,
    @Nullable ObjectReference targetRef) {

  public EndpointAddress {
    ip = Objects.requireNonNullElse(ip, "");
  }
}
