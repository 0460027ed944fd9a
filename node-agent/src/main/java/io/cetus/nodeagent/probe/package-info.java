/**
 * Liveness, readiness and startup probes: one {@code ProbeWorker} per container and probe, run by a
 * {@code ProbeScheduler}, each probing with the {@code Prober} of its kind ({@code httpGet}, {@code
 * tcpSocket}, {@code exec}) and applying Kubernetes' defaults and thresholds. Results flow back to
 * the pod logic through a {@code ProbeListener}.
 */
@NullMarked
package io.cetus.nodeagent.probe;

import org.jspecify.annotations.NullMarked;
