/**
 * Filters: each rules out the nodes a pod cannot run on for one reason, and names the reason as
 * Kubernetes words it in a {@code FailedScheduling} event. One filter per file.
 */
@NullMarked
package io.cetus.scheduler.filter;

import org.jspecify.annotations.NullMarked;
