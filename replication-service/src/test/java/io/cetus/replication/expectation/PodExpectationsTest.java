package io.cetus.replication.expectation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PodExpectationsTest {

  private static final String OWNER = "rs-uid";

  private final SteppingClock clock = new SteppingClock();
  private final PodExpectations expectations = new PodExpectations(clock);

  @Test
  void ownerWithoutExpectationsMayAct() {
    assertThat(expectations.satisfied(OWNER)).isTrue();
    assertThat(expectations.waitingUntil(OWNER)).isEmpty();
  }

  @Test
  void creationsHoldTheOwnerBackUntilEveryOneIsObserved() {
    expectations.expectCreations(OWNER, 2);

    expectations.creationObserved(OWNER);
    assertThat(expectations.satisfied(OWNER)).isFalse();
    assertThat(expectations.waitingUntil(OWNER))
        .contains(clock.instant().plus(PodExpectations.TIMEOUT));

    expectations.creationObserved(OWNER);
    assertThat(expectations.satisfied(OWNER)).isTrue();
  }

  @Test
  void aPodSeenTwiceOnItsWayOutCountsOnce() {
    expectations.expectDeletions(OWNER, List.of("default/a", "default/b"));

    expectations.deletionObserved(OWNER, "default/a"); // deletion started
    expectations.deletionObserved(OWNER, "default/a"); // removed
    assertThat(expectations.satisfied(OWNER)).isFalse();

    expectations.deletionObserved(OWNER, "default/b");
    assertThat(expectations.satisfied(OWNER)).isTrue();
  }

  @Test
  void deletionOfAnUnexpectedPodChangesNothing() {
    expectations.expectDeletions(OWNER, List.of("default/a"));

    expectations.deletionObserved(OWNER, "default/other");

    assertThat(expectations.satisfied(OWNER)).isFalse();
  }

  @Test
  void unobservedWritesStopHoldingTheOwnerBackAfterTheTimeout() {
    expectations.expectCreations(OWNER, 3);

    clock.advance(PodExpectations.TIMEOUT.minusSeconds(1));
    assertThat(expectations.satisfied(OWNER)).isFalse();

    clock.advance(Duration.ofSeconds(1));
    assertThat(expectations.satisfied(OWNER)).isTrue();
    assertThat(expectations.waitingUntil(OWNER)).isEmpty();
  }

  @Test
  void observationsNobodyWaitedForDoNotCountTowardLaterExpectations() {
    expectations.creationObserved(OWNER); // e.g. pods listed at start
    expectations.expectCreations(OWNER, 1);
    expectations.creationObserved(OWNER);
    expectations.creationObserved(OWNER); // extra: drives the count below zero

    expectations.expectCreations(OWNER, 1);

    assertThat(expectations.satisfied(OWNER)).isFalse();
  }

  @Test
  void forgettingAnOwnerDropsWhatItWaitedFor() {
    expectations.expectCreations(OWNER, 5);

    expectations.forget(OWNER);

    assertThat(expectations.satisfied(OWNER)).isTrue();
  }

  @Test
  void ownersAreIndependent() {
    expectations.expectCreations(OWNER, 1);

    assertThat(expectations.satisfied("another-uid")).isTrue();
  }

  /** A clock that stands still until the test moves it. */
  private static final class SteppingClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
