package io.cetus.objectstore.store;

/** Receives the changes of one {@link ObjectStore#watch}. */
public interface WatchListener {

  /** One change, in revision order. */
  void onEvent(StoredEvent event);

  /**
   * The watch can no longer continue (history compacted past it, store unreachable). No event
   * follows; the watcher should list again.
   */
  default void onClose(Throwable cause) {}
}
