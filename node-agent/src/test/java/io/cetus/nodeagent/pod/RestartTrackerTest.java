package io.cetus.nodeagent.pod;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RestartTrackerTest {

  @Test
  void crashBackoffStartsImmediatelyThenDoublesFromTenSecondsUpToFiveMinutes() {
    assertThat(RestartTracker.crashBackoff(0)).isZero();
    assertThat(RestartTracker.crashBackoff(1)).isEqualTo(Duration.ofSeconds(10));
    assertThat(RestartTracker.crashBackoff(2)).isEqualTo(Duration.ofSeconds(20));
    assertThat(RestartTracker.crashBackoff(5)).isEqualTo(Duration.ofSeconds(160));
    assertThat(RestartTracker.crashBackoff(6)).isEqualTo(Duration.ofMinutes(5));
    assertThat(RestartTracker.crashBackoff(100)).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void failedPullsBackOffUntilOneSucceeds() {
    RestartTracker tracker = new RestartTracker();
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    String key = RestartTracker.key("uid-1", "app");

    tracker.pullFailed(key, now, "not found");
    assertThat(tracker.pullFailure(key).retryAt()).isEqualTo(now.plusSeconds(10));
    tracker.pullFailed(key, now, "not found");
    assertThat(tracker.pullFailure(key).retryAt()).isEqualTo(now.plusSeconds(20));

    tracker.pullSucceeded(key);
    assertThat(tracker.pullFailure(key)).isNull();
  }
}
