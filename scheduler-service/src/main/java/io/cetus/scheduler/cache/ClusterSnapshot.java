package io.cetus.scheduler.cache;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.cetus.api.core.Node;
import io.cetus.api.core.Pod;
import io.cetus.api.core.PodStatus;

/** Builds the {@link NodeInfo} of every node from the cached nodes and pods. */
public final class ClusterSnapshot {

  private ClusterSnapshot() {}

  /**
   * Every node with the pods bound to it that still hold resources: all but {@code Succeeded} and
   * {@code Failed} ones (pods being deleted still run until their node stops them). Ordered by node
   * name. Pods bound to nodes that are not in {@code nodes} are left out.
   */
  public static Map<String, NodeInfo> of(Collection<Node> nodes, Collection<Pod> pods) {
    Map<String, List<Pod>> byNode = new HashMap<>();
    for (Pod pod : pods) {
      String node = pod.spec().nodeName();
      if (node != null && !node.isEmpty() && holdsResources(pod)) {
        byNode.computeIfAbsent(node, ignored -> new ArrayList<>()).add(pod);
      }
    }
    Map<String, NodeInfo> infos = new TreeMap<>();
    for (Node node : nodes) {
      String name = String.valueOf(node.metadata().name());
      infos.put(name, NodeInfo.of(node, byNode.getOrDefault(name, List.of())));
    }
    return infos;
  }

  /** Whether the pod's containers may still run, and so count against its node. */
  public static boolean holdsResources(Pod pod) {
    String phase = pod.status().phase();
    return !PodStatus.SUCCEEDED.equals(phase) && !PodStatus.FAILED.equals(phase);
  }
}
