package io.cetus.api.core;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.cetus.api.quantity.Quantity;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A resource limit or request of a container, e.g. {@code limits.memory}, in units of {@code
 * divisor}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ResourceFieldSelector(
    @Nullable String containerName, String resource, @Nullable Quantity divisor) {

  public ResourceFieldSelector {
    resource = Objects.requireNonNullElse(resource, "");
  }
}
