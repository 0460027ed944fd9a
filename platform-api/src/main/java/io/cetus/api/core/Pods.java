package io.cetus.api.core;

import io.cetus.api.meta.Condition;

/** Questions controllers ask about pods, answered as Kubernetes' controllers answer them. */
public final class Pods {

  private Pods() {}

  /**
   * Whether the pod still counts toward a workload's replicas: it has not finished ({@code
   * Succeeded} or {@code Failed}) and is not being deleted.
   */
  public static boolean isActive(Pod pod) {
    String phase = pod.status().phase();
    return !PodStatus.SUCCEEDED.equals(phase)
        && !PodStatus.FAILED.equals(phase)
        && !pod.metadata().isBeingDeleted();
  }

  /** Whether the pod's {@code Ready} condition is {@code True}. */
  public static boolean isReady(Pod pod) {
    return Condition.holds(pod.status().conditions(), PodCondition.READY);
  }
}
