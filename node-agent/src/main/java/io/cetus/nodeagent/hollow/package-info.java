/**
 * Hollow nodes: one agent process that runs many simulated nodes on the fake runtime, for scale
 * tests, as Kubernetes' kubemark does. The nodes share one pod informer, one work queue and its
 * workers, and one timer pool for their heartbeats; each has its own fake engine, Node, Lease and
 * {@code PodReconciler}.
 */
@NullMarked
package io.cetus.nodeagent.hollow;

import org.jspecify.annotations.NullMarked;
