package io.cetus.api.core;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A field of the pod itself, e.g. {@code metadata.name} or {@code status.podIP}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ObjectFieldSelector(@Nullable String apiVersion, String fieldPath) {

  public ObjectFieldSelector {
    fieldPath = Objects.requireNonNullElse(fieldPath, "");
  }
}
