package io.cetus.scheduler.lifecycle;

import java.time.Duration;

/**
 * When nodes count as gone and what then happens.
 *
 * @param gracePeriod how long a node's lease may go unrenewed before the node is unreachable
 * @param evictionTimeout how long an unreachable node keeps its pods before they are evicted
 * @param monitorPeriod how often each node is looked at even when nothing changes
 */
public record NodeLifecycleSettings(
    Duration gracePeriod, Duration evictionTimeout, Duration monitorPeriod) {

  public NodeLifecycleSettings {
    if (gracePeriod.isNegative() || evictionTimeout.isNegative()) {
      throw new IllegalArgumentException("grace period and eviction timeout must not be negative");
    }
    if (monitorPeriod.isNegative() || monitorPeriod.isZero()) {
      throw new IllegalArgumentException("monitorPeriod must be positive: " + monitorPeriod);
    }
  }
}
