package io.cetus.api.core;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The {@code phase} of a {@link Namespace}: {@code Active} or {@code Terminating}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record NamespaceStatus(@Nullable String phase) {

  /** The zero value, which a manifest that leaves this out stands for. */
  public static final NamespaceStatus EMPTY = new NamespaceStatus(null);
}
