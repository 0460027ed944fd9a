package io.cetus.client.informer.internal;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.cetus.api.meta.ApiObject;
import io.cetus.api.selector.Selector;
import io.cetus.client.informer.Lister;

/** A {@link Lister} reading a {@link ThreadSafeStore}. */
public final class StoreLister<T extends ApiObject> implements Lister<T> {

  private final ThreadSafeStore<T> store;

  public StoreLister(ThreadSafeStore<T> store) {
    this.store = store;
  }

  @Override
  public Optional<T> get(@Nullable String namespace, String name) {
    return Optional.ofNullable(store.get(ObjectKeys.keyOf(namespace, name)));
  }

  @Override
  public List<T> list(@Nullable String namespace) {
    return namespace == null ? store.list() : store.listNamespace(namespace);
  }

  @Override
  public List<T> list(@Nullable String namespace, Selector selector) {
    List<T> candidates = list(namespace);
    if (selector.isEverything()) {
      return candidates;
    }
    return candidates.stream().filter(o -> selector.matches(o.metadata().labels())).toList();
  }

  @Override
  public List<T> list() {
    return store.list();
  }
}
