package io.cetus.client.informer;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.cetus.client.TestObject;
import io.cetus.client.informer.internal.ObjectKeys;

/** Records every callback as a line such as {@code add ns/a@1 initial}, in delivery order. */
final class RecordingHandler implements ResourceEventHandler<TestObject> {

  private final List<String> calls = new CopyOnWriteArrayList<>();
  private final List<String> threads = new CopyOnWriteArrayList<>();

  @Override
  public void onAdd(TestObject object, boolean inInitialList) {
    record("add " + describe(object) + (inInitialList ? " initial" : ""));
  }

  @Override
  public void onUpdate(TestObject oldObject, TestObject newObject) {
    record("update " + describe(oldObject) + " -> " + newObject.metadata().resourceVersion());
  }

  @Override
  public void onDelete(TestObject lastKnown, boolean finalStateUnknown) {
    record("delete " + describe(lastKnown) + (finalStateUnknown ? " unknown" : ""));
  }

  List<String> calls() {
    return List.copyOf(calls);
  }

  List<String> threads() {
    return List.copyOf(threads);
  }

  private void record(String call) {
    threads.add(Thread.currentThread().getName());
    calls.add(call);
  }

  private static String describe(TestObject object) {
    return ObjectKeys.keyOf(object) + "@" + object.metadata().resourceVersion();
  }
}
