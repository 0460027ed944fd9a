package io.cetus.scheduler;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code platform.scheduler.*}.
 *
 * @param schedulerName the {@code spec.schedulerName} of the pods this scheduler binds, and the
 *     source of its events
 * @param nodeGracePeriod how long a node's lease may go unrenewed before the node is unreachable
 * @param podEvictionTimeout how long an unreachable node keeps its pods before they are evicted
 * @param nodeMonitorPeriod how often every node is looked at even when nothing changes
 */
@ConfigurationProperties("platform.scheduler")
public record SchedulerProperties(
    @DefaultValue(PendingPods.DEFAULT_SCHEDULER) String schedulerName,
    @DefaultValue("20s") Duration nodeGracePeriod,
    @DefaultValue("10s") Duration podEvictionTimeout,
    @DefaultValue("5s") Duration nodeMonitorPeriod) {}
