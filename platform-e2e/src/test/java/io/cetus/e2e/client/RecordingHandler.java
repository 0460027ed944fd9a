package io.cetus.e2e.client;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.cetus.api.meta.ApiObject;
import io.cetus.client.informer.ResourceEventHandler;

/**
 * Records the callbacks about one namespace as lines such as {@code add a}, {@code update a},
 * {@code delete b unknown}, in delivery order.
 */
final class RecordingHandler<T extends ApiObject> implements ResourceEventHandler<T> {

  private final String namespace;
  private final List<String> calls = new CopyOnWriteArrayList<>();

  RecordingHandler(String namespace) {
    this.namespace = namespace;
  }

  @Override
  public void onAdd(T object, boolean inInitialList) {
    record(object, "add " + object.metadata().name());
  }

  @Override
  public void onUpdate(T oldObject, T newObject) {
    record(newObject, "update " + newObject.metadata().name());
  }

  @Override
  public void onDelete(T lastKnown, boolean finalStateUnknown) {
    record(
        lastKnown, "delete " + lastKnown.metadata().name() + (finalStateUnknown ? " unknown" : ""));
  }

  List<String> calls() {
    return List.copyOf(calls);
  }

  private void record(T object, String call) {
    if (namespace.equals(object.metadata().namespace())) {
      calls.add(call);
    }
  }
}
