/**
 * The scheduler's view of the cluster for one decision: each node with the pods bound to it (those
 * the scheduler has bound but the informer does not show yet included, through the {@link
 * io.cetus.scheduler.cache.AssumeCache}), what they request and which host ports they hold.
 */
@NullMarked
package io.cetus.scheduler.cache;

import org.jspecify.annotations.NullMarked;
