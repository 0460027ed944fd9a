package io.cetus.api.core;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One IP address of the node a pod runs on. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record HostIP(String ip) {

  public HostIP {
    ip = Objects.requireNonNullElse(ip, "");
  }
}
