package io.cetus.controller.workqueue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExponentialFailureRateLimiterTest {

  private final ExponentialFailureRateLimiter<String> limiter =
      ExponentialFailureRateLimiter.withDefaults();

  @Test
  void delayStartsAtFiveMillisecondsAndDoubles() {
    assertThat(limiter.when("a")).isEqualTo(Duration.ofMillis(5));
    assertThat(limiter.when("a")).isEqualTo(Duration.ofMillis(10));
    assertThat(limiter.when("a")).isEqualTo(Duration.ofMillis(20));
    assertThat(limiter.when("a")).isEqualTo(Duration.ofMillis(40));
  }

  @Test
  void delayIsCappedAtOneThousandSecondsEvenAfterManyFailures() {
    Duration last = Duration.ZERO;
    for (int i = 0; i < 100; i++) {
      last = limiter.when("a");
    }

    assertThat(last).isEqualTo(Duration.ofSeconds(1000));
    assertThat(limiter.numRequeues("a")).isEqualTo(100);
  }

  @Test
  void forgetStartsTheBackoffOver() {
    limiter.when("a");
    limiter.when("a");

    limiter.forget("a");

    assertThat(limiter.numRequeues("a")).isZero();
    assertThat(limiter.when("a")).isEqualTo(Duration.ofMillis(5));
  }
}
