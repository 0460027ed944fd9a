package io.cetus.replication.pod;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.cetus.api.core.ContainerStatus;
import io.cetus.api.core.Pod;
import io.cetus.api.core.PodCondition;
import io.cetus.api.core.PodStatus;
import io.cetus.api.core.Pods;
import io.cetus.api.meta.Condition;

/**
 * Which of a workload's pods to delete first when it has too many, in Kubernetes' order: the pod
 * whose loss hurts least goes first.
 *
 * <ol>
 *   <li>not yet scheduled before scheduled;
 *   <li>{@code Pending} before {@code Unknown} before {@code Running};
 *   <li>not ready before ready;
 *   <li>on a node crowded with the workload's pods before on a node with fewer, so the survivors
 *       stay spread;
 *   <li>ready for a shorter time before ready for longer;
 *   <li>restarted more often (its busiest container) before restarted less;
 *   <li>newer before older.
 * </ol>
 *
 * Missing timestamps count as the newest. Ties end in name order, so the choice is repeatable.
 */
public final class PodDeletionOrder {

  private static final Comparator<@Nullable Instant> NEWEST_FIRST =
      Comparator.nullsFirst(Comparator.<Instant>reverseOrder());

  private PodDeletionOrder() {}

  /**
   * The first {@code count} of {@code pods} in deletion order (all of them if there are fewer).
   *
   * @param pods the workload's active pods: the node crowding is counted among them
   */
  public static List<Pod> victims(List<Pod> pods, int count) {
    return pods.stream().sorted(comparator(pods)).limit(Math.max(0, count)).toList();
  }

  /** Orders pods first-to-delete first; crowding is counted among {@code workloadPods}. */
  public static Comparator<Pod> comparator(List<Pod> workloadPods) {
    Map<String, Integer> podsPerNode = new HashMap<>();
    for (Pod pod : workloadPods) {
      if (isScheduled(pod)) {
        podsPerNode.merge(pod.spec().nodeName(), 1, Integer::sum);
      }
    }
    return Comparator.comparing(PodDeletionOrder::isScheduled)
        .thenComparingInt(PodDeletionOrder::phaseRank)
        .thenComparing(Pods::isReady)
        .thenComparing(
            pod -> isScheduled(pod) ? podsPerNode.getOrDefault(pod.spec().nodeName(), 0) : 0,
            Comparator.reverseOrder())
        .thenComparing(PodDeletionOrder::readySince, NEWEST_FIRST)
        .thenComparing(PodDeletionOrder::maxRestarts, Comparator.reverseOrder())
        .thenComparing(pod -> pod.metadata().creationTimestamp(), NEWEST_FIRST)
        .thenComparing(pod -> String.valueOf(pod.metadata().name()));
  }

  private static boolean isScheduled(Pod pod) {
    String node = pod.spec().nodeName();
    return node != null && !node.isEmpty();
  }

  private static int phaseRank(Pod pod) {
    String phase = pod.status().phase();
    if (phase == null || PodStatus.PENDING.equals(phase)) {
      return 0;
    }
    return PodStatus.UNKNOWN.equals(phase) ? 1 : 2;
  }

  /** When the pod became ready; {@code null} (newest) when not ready or not known. */
  private static @Nullable Instant readySince(Pod pod) {
    return Condition.find(pod.status().conditions(), PodCondition.READY)
        .filter(ready -> Condition.TRUE.equals(ready.status()))
        .map(PodCondition::lastTransitionTime)
        .orElse(null);
  }

  private static int maxRestarts(Pod pod) {
    int max = 0;
    for (ContainerStatus container : pod.status().containerStatuses()) {
      max = Math.max(max, container.restartCount());
    }
    return max;
  }
}
