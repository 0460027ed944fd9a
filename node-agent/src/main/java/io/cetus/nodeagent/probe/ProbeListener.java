package io.cetus.nodeagent.probe;

import io.cetus.api.core.Pod;

/** Where probe outcomes go; called on probe threads. */
public interface ProbeListener {

  /** One probe attempt failed (Kubernetes records an {@code Unhealthy} event for each). */
  void probeFailed(Pod pod, String container, ProbeKind kind, String message);

  /** A container's readiness or started flag changed: the pod's status must be recomputed. */
  void resultChanged(Pod pod);

  /** A liveness or startup probe reached its failure threshold: the container must be restarted. */
  void containerUnhealthy(Pod pod, String container, String containerId, ProbeKind kind);
}
