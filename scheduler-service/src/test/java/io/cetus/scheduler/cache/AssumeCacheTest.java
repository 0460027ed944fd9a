package io.cetus.scheduler.cache;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.cetus.api.core.Pod;

import static io.cetus.scheduler.Fixtures.boundTo;
import static io.cetus.scheduler.Fixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;

class AssumeCacheTest {

  private final AssumeCache cache = new AssumeCache();
  private final Pod pending = pod("web");

  @Test
  void assumedPodCountsOnItsNodeWhileTheCacheShowsItPending() {
    cache.assume(pending, "n1");

    assertThat(cache.isAssumed(pending)).isTrue();
    assertThat(cache.overlay(List.of(pending)))
        .singleElement()
        .satisfies(pod -> assertThat(pod.spec().nodeName()).isEqualTo("n1"));
  }

  @Test
  void assumptionEndsOnceTheCacheShowsThePodBound() {
    cache.assume(pending, "n1");

    cache.overlay(List.of(boundTo(pending, "n1")));

    assertThat(cache.isAssumed(pending)).isFalse();
  }

  @Test
  void assumptionEndsWhenThePodIsGoneOrReplaced() {
    cache.assume(pending, "n1");
    Pod replacement = pod("web");

    assertThat(cache.overlay(List.of(replacement)))
        .singleElement()
        .satisfies(pod -> assertThat(pod.spec().nodeName()).isNull());
    assertThat(cache.isAssumed(pending)).isFalse();

    cache.assume(replacement, "n1");
    cache.overlay(List.of());
    assertThat(cache.isAssumed(replacement)).isFalse();
  }

  @Test
  void forgottenAssumptionNoLongerCounts() {
    cache.assume(pending, "n1");

    cache.forget(pending);

    assertThat(cache.overlay(List.of(pending))).containsExactly(pending);
  }
}
