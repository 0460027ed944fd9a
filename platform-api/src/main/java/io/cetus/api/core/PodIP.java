package io.cetus.api.core;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One IP address of a pod. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PodIP(String ip) {

  public PodIP {
    ip = Objects.requireNonNullElse(ip, "");
  }
}
