package io.cetus.api.core;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A header an {@link HTTPGetAction} sends. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record HTTPHeader(String name, String value) {

  public HTTPHeader {
    name = Objects.requireNonNullElse(name, "");
    value = Objects.requireNonNullElse(value, "");
  }
}
