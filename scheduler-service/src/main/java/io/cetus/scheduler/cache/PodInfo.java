package io.cetus.scheduler.cache;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.cetus.api.core.Pod;
import io.cetus.api.core.PodStatus;

/**
 * A pod with what scheduling needs of it worked out once: its requests, host ports and sibling key.
 * The cache keeps one per pod it counts on a node; a scheduling attempt makes one for the pod it
 * places, so the filters and scorers do not recompute them for every node. Immutable.
 *
 * @param requests what the pod asks for, for fitting
 * @param nonZeroRequests the same with defaults for containers that ask for nothing, for scoring
 * @param hostPorts the host ports it takes
 * @param siblingKey the pods it spreads with; {@code null} if none
 * @param countsAsSibling whether it counts as its siblings' sibling on its node: not while it is
 *     being deleted
 */
public record PodInfo(
    Pod pod,
    Resources requests,
    Resources nonZeroRequests,
    List<HostPort> hostPorts,
    @Nullable SiblingKey siblingKey,
    boolean countsAsSibling) {

  public PodInfo {
    hostPorts = List.copyOf(hostPorts);
  }

  public static PodInfo of(Pod pod) {
    return new PodInfo(
        pod,
        PodRequests.of(pod),
        PodRequests.nonZero(pod),
        HostPort.of(pod),
        SiblingKey.of(pod).orElse(null),
        !pod.metadata().isBeingDeleted());
  }

  /** The same pod with {@code key}, an equal sibling key (the cache's own instance of it). */
  PodInfo withSiblingKey(SiblingKey key) {
    return new PodInfo(pod, requests, nonZeroRequests, hostPorts, key, countsAsSibling);
  }

  /** {@code namespace/name}. */
  public String key() {
    return key(pod);
  }

  static String key(Pod pod) {
    return pod.metadata().namespace() + "/" + pod.metadata().name();
  }

  /** Whether the pod's containers may still run, and so count against its node. */
  public static boolean holdsResources(Pod pod) {
    String phase = pod.status().phase();
    return !PodStatus.SUCCEEDED.equals(phase) && !PodStatus.FAILED.equals(phase);
  }
}
