package io.cetus.client.informer;

import java.time.Duration;

/**
 * How an informer behaves over time.
 *
 * @param resyncPeriod how often every cached object is re-delivered to handlers as {@code
 *     onUpdate(o, o)}, so reconcilers get another chance at state they cannot watch; {@link
 *     Duration#ZERO} turns resync off
 * @param initialBackoff the first wait after a failed list or watch; it doubles up to {@code
 *     maxBackoff} while failures continue
 */
public record InformerOptions(Duration resyncPeriod, Duration initialBackoff, Duration maxBackoff) {

  /** No resync; retries after 200 ms, backing off up to 30 s. */
  public static final InformerOptions DEFAULTS =
      new InformerOptions(Duration.ZERO, Duration.ofMillis(200), Duration.ofSeconds(30));

  public InformerOptions {
    if (resyncPeriod.isNegative()) {
      throw new IllegalArgumentException("resyncPeriod must not be negative: " + resyncPeriod);
    }
    if (initialBackoff.isNegative() || initialBackoff.isZero()) {
      throw new IllegalArgumentException("initialBackoff must be positive: " + initialBackoff);
    }
    if (maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("maxBackoff must be at least initialBackoff");
    }
  }

  public InformerOptions withResyncPeriod(Duration period) {
    return new InformerOptions(period, initialBackoff, maxBackoff);
  }

  public InformerOptions withBackoff(Duration initial, Duration max) {
    return new InformerOptions(resyncPeriod, initial, max);
  }
}
