package io.cetus.objectstore.store;

/** A running watch; close it to stop receiving events. Closing twice is harmless. */
public interface WatchSubscription extends AutoCloseable {

  @Override
  void close();
}
