package io.cetus.objectstore.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Kubernetes' {@code metav1.Time} on the wire: RFC 3339 in UTC with whole seconds. */
final class Timestamps {

  private Timestamps() {}

  static String now(Clock clock) {
    return format(clock.instant());
  }

  static String after(Clock clock, Duration delay) {
    return format(clock.instant().plus(delay));
  }

  static String format(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
