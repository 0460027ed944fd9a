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
 * @param percentageOfNodesToScore in clusters of 100 nodes or more, the share of nodes found
 *     feasible before scoring stops looking; 0 adapts it to the cluster's size, as kube-scheduler
 *     does (42 % of 1,000 nodes)
 * @param maxBindingsInFlight bindings sent at once before the scheduling thread waits
 */
@ConfigurationProperties("platform.scheduler")
public record SchedulerProperties(
    @DefaultValue(PendingPods.DEFAULT_SCHEDULER) String schedulerName,
    @DefaultValue("20s") Duration nodeGracePeriod,
    @DefaultValue("10s") Duration podEvictionTimeout,
    @DefaultValue("5s") Duration nodeMonitorPeriod,
    @DefaultValue("0") int percentageOfNodesToScore,
    @DefaultValue("64") int maxBindingsInFlight) {}
