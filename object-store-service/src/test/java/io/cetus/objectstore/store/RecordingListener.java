package io.cetus.objectstore.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

/** Records what a watch delivers, for assertions from the test thread. */
final class RecordingListener implements WatchListener {

  private final List<StoredEvent> events = new ArrayList<>();
  private final AtomicReference<@Nullable Throwable> closeCause = new AtomicReference<>();

  @Override
  public synchronized void onEvent(StoredEvent event) {
    events.add(event);
  }

  @Override
  public void onClose(Throwable cause) {
    closeCause.set(cause);
  }

  synchronized List<StoredEvent> events() {
    return List.copyOf(events);
  }

  synchronized List<Long> revisions() {
    return events.stream().map(StoredEvent::revision).toList();
  }

  /** {@code ADDED a}, {@code MODIFIED ns/b}: type and the object's name, for readable asserts. */
  synchronized List<String> changes() {
    return events.stream()
        .map(e -> e.type() + " " + e.object().path("metadata").path("name").asString())
        .toList();
  }

  @Nullable Throwable closeCause() {
    return closeCause.get();
  }
}
