package io.cetus.serviceproxy.endpoints;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;

import io.cetus.api.meta.ApiObject;
import io.cetus.api.resource.ResourceType;
import io.cetus.client.DeleteOptions;
import io.cetus.client.ListOptions;
import io.cetus.client.ObjectClient;
import io.cetus.client.ObjectList;
import io.cetus.client.PatchType;
import io.cetus.client.WatchOptions;
import io.cetus.client.WatchStream;

/** An {@link ObjectClient} that passes every call on and records the writes, in order. */
final class RecordingObjectClient<T extends ApiObject> implements ObjectClient<T> {

  private final ObjectClient<T> delegate;
  private final List<String> writes = new CopyOnWriteArrayList<>();

  RecordingObjectClient(ObjectClient<T> delegate) {
    this.delegate = delegate;
  }

  /** {@code create ns/name}, {@code update ns/name}, {@code delete ns/name}, ... */
  List<String> writes() {
    return List.copyOf(writes);
  }

  void clear() {
    writes.clear();
  }

  @Override
  public ResourceType resourceType() {
    return delegate.resourceType();
  }

  @Override
  public Optional<T> get(@Nullable String namespace, String name) {
    return delegate.get(namespace, name);
  }

  @Override
  public ObjectList<T> list(@Nullable String namespace, ListOptions options) {
    return delegate.list(namespace, options);
  }

  @Override
  public T create(T object) {
    writes.add("create " + key(object));
    return delegate.create(object);
  }

  @Override
  public T update(T object) {
    writes.add("update " + key(object));
    return delegate.update(object);
  }

  @Override
  public T updateStatus(T object) {
    writes.add("updateStatus " + key(object));
    return delegate.updateStatus(object);
  }

  @Override
  public T patch(@Nullable String namespace, String name, PatchType type, String body) {
    writes.add("patch " + namespace + "/" + name);
    return delegate.patch(namespace, name, type, body);
  }

  @Override
  public void delete(@Nullable String namespace, String name, DeleteOptions options) {
    writes.add("delete " + namespace + "/" + name);
    delegate.delete(namespace, name, options);
  }

  @Override
  public WatchStream<T> watch(@Nullable String namespace, WatchOptions options) {
    return delegate.watch(namespace, options);
  }

  private static String key(ApiObject object) {
    return object.metadata().namespace() + "/" + object.metadata().name();
  }
}
