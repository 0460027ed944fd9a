package io.cetus.api.core;

import java.util.Map;

import io.cetus.api.internal.Copies;
import io.cetus.api.quantity.Quantity;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The compute resources of a container by name ({@code cpu}, {@code memory}): {@code requests}
 * guide scheduling, {@code limits} are enforced at run time.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ResourceRequirements(Map<String, Quantity> limits, Map<String, Quantity> requests) {

  /** The zero value, which a manifest that leaves this out stands for. */
  public static final ResourceRequirements EMPTY = new ResourceRequirements(null, null);

  public ResourceRequirements {
    limits = Copies.map(limits);
    requests = Copies.map(requests);
  }
}
