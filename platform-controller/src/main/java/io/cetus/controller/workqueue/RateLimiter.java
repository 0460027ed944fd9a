package io.cetus.controller.workqueue;

import java.time.Duration;

/** Decides how long an item waits before it is retried. Thread-safe. */
public interface RateLimiter<T> {

  /** The delay before {@code item}'s next retry; counts as one more failure. */
  Duration when(T item);

  /** Clears {@code item}'s failures. */
  void forget(T item);

  /** The failures counted for {@code item} since it was last forgotten. */
  int numRequeues(T item);
}
