/**
 * The scheduler's view of the cluster: a {@link io.cetus.scheduler.cache.NodeInfo} per node with
 * the pods counted on it, kept up to date incrementally by the {@link
 * io.cetus.scheduler.cache.SchedulerCache} from informer events and the scheduler's own assumed
 * bindings; what pods request and which host ports they hold.
 */
@NullMarked
package io.cetus.scheduler.cache;

import org.jspecify.annotations.NullMarked;
