/**
 * Node lifecycle: a node whose agent stopped renewing its {@code Lease} turns {@code Ready=Unknown}
 * and gets the {@code node.kubernetes.io/unreachable} taint; its pods are then evicted so their
 * workloads replace them elsewhere. When the lease is renewed again the taint goes; the agent
 * reports {@code Ready=True} itself.
 */
@NullMarked
package io.cetus.scheduler.lifecycle;

import org.jspecify.annotations.NullMarked;
