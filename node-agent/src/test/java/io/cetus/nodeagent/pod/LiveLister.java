package io.cetus.nodeagent.pod;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.cetus.api.meta.ApiObject;
import io.cetus.api.selector.Selector;
import io.cetus.client.ObjectClient;
import io.cetus.client.informer.Lister;

/** A lister that reads straight from the API, so a test needs no informer to catch up. */
final class LiveLister<T extends ApiObject> implements Lister<T> {

  private final ObjectClient<T> client;

  LiveLister(ObjectClient<T> client) {
    this.client = client;
  }

  @Override
  public Optional<T> get(@Nullable String namespace, String name) {
    return client.get(namespace, name);
  }

  @Override
  public List<T> list(@Nullable String namespace) {
    return client.list(namespace).items();
  }

  @Override
  public List<T> list(@Nullable String namespace, Selector selector) {
    return client.list(namespace, selector).items();
  }

  @Override
  public List<T> list() {
    return client.list(null).items();
  }
}
