package io.cetus.e2e.support;

import java.time.Duration;

import org.awaitility.core.ConditionFactory;

import static org.awaitility.Awaitility.await;

/**
 * Deadlines for what the platform does asynchronously. Each poll runs kubectl or docker, so polls
 * are a second apart: more often only takes CPU from the platform on a small machine.
 */
public final class Eventually {

  private Eventually() {}

  /** Await {@code what} for at most {@code deadline}, polling every second. */
  public static ConditionFactory within(Duration deadline, String what) {
    return await(what)
        .atMost(deadline)
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofSeconds(1));
  }
}
