package io.cetus.scheduler;

import io.cetus.api.core.Pod;
import io.cetus.api.core.PodStatus;

/** Which pods a scheduler is responsible for. */
final class PendingPods {

  static final String DEFAULT_SCHEDULER = "default-scheduler";

  private PendingPods() {}

  /**
   * Whether {@code pod} waits for {@code schedulerName} to bind it: no node yet, that scheduler
   * named (no name means the default scheduler), not being deleted and not finished.
   */
  static boolean needsScheduling(Pod pod, String schedulerName) {
    String node = pod.spec().nodeName();
    String wanted = pod.spec().schedulerName();
    String phase = pod.status().phase();
    return (node == null || node.isEmpty())
        && schedulerName.equals(wanted == null || wanted.isEmpty() ? DEFAULT_SCHEDULER : wanted)
        && !pod.metadata().isBeingDeleted()
        && !PodStatus.SUCCEEDED.equals(phase)
        && !PodStatus.FAILED.equals(phase);
  }
}
