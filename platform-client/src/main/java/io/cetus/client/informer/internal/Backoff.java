package io.cetus.client.informer.internal;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with up to 20% random extra, so clients that failed together do not retry
 * together. Not thread-safe: one per retrying loop.
 */
final class Backoff {

  private final Duration initial;
  private final Duration max;
  private Duration current;

  Backoff(Duration initial, Duration max) {
    this.initial = initial;
    this.max = max;
    this.current = initial;
  }

  /** The wait before the next attempt; each call doubles the following one, up to the maximum. */
  Duration next() {
    Duration wait = current;
    Duration doubled = current.multipliedBy(2);
    current = doubled.compareTo(max) > 0 ? max : doubled;
    long jitterMillis = (long) (wait.toMillis() * 0.2 * ThreadLocalRandom.current().nextDouble());
    return wait.plusMillis(jitterMillis);
  }

  void reset() {
    current = initial;
  }
}
