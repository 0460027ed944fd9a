package io.cetus.api.core;

import java.util.List;

import io.cetus.api.internal.Copies;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What must happen before a {@link Namespace} can be removed. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record NamespaceSpec(List<String> finalizers) {

  /** The zero value, which a manifest that leaves this out stands for. */
  public static final NamespaceSpec EMPTY = new NamespaceSpec(null);

  public NamespaceSpec {
    finalizers = Copies.list(finalizers);
  }
}
