package io.cetus.controller.workqueue;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Per-item exponential backoff: {@code base * 2^failures}, capped at {@code max}. The defaults, 5
 * ms up to 1000 s, are those Kubernetes controllers use: a transient conflict retries almost at
 * once, a persistent failure ends up retried every quarter of an hour.
 */
public final class ExponentialFailureRateLimiter<T> implements RateLimiter<T> {

  private final Duration base;
  private final Duration max;
  private final ConcurrentMap<T, Integer> failures = new ConcurrentHashMap<>();

  public ExponentialFailureRateLimiter(Duration base, Duration max) {
    if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
      throw new IllegalArgumentException("need 0 < base <= max, got " + base + " and " + max);
    }
    this.base = base;
    this.max = max;
  }

  /** 5 ms doubling up to 1000 s. */
  public static <T> ExponentialFailureRateLimiter<T> withDefaults() {
    return new ExponentialFailureRateLimiter<>(Duration.ofMillis(5), Duration.ofSeconds(1000));
  }

  @Override
  public Duration when(T item) {
    int exponent = failures.merge(item, 1, Integer::sum) - 1;
    // Beyond 2^62 the multiplication overflows; long before that the cap applies.
    if (exponent >= 62) {
      return max;
    }
    long factor = 1L << exponent;
    if (base.toNanos() > max.toNanos() / factor) {
      return max;
    }
    return base.multipliedBy(factor);
  }

  @Override
  public void forget(T item) {
    failures.remove(item);
  }

  @Override
  public int numRequeues(T item) {
    return failures.getOrDefault(item, 0);
  }
}
