package io.cetus.api.core;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Who reported an {@link Event}: a component, and the node for node agents. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record EventSource(@Nullable String component, @Nullable String host) {

  /** The zero value, which a manifest that leaves this out stands for. */
  public static final EventSource EMPTY = new EventSource(null, null);
}
