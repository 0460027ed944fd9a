package io.cetus.client.informer;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.cetus.api.selector.Selector;

/**
 * Reads an informer's cache. Answers come from memory and may lag the server by the watch delay;
 * returned objects are shared and immutable. Thread-safe. Lists are in no particular order.
 */
public interface Lister<T> {

  /** The cached object; {@code namespace} is {@code null} for cluster-scoped kinds. */
  Optional<T> get(@Nullable String namespace, String name);

  /** The cached objects of {@code namespace}; every object for {@code null}. */
  List<T> list(@Nullable String namespace);

  /** The cached objects of {@code namespace} ({@code null}: all) whose labels match. */
  List<T> list(@Nullable String namespace, Selector selector);

  /** Every cached object. */
  List<T> list();
}
