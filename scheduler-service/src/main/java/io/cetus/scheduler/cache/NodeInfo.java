package io.cetus.scheduler.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.cetus.api.core.Node;
import io.cetus.api.core.Pod;
import io.cetus.api.quantity.Quantity;

/**
 * A node as one scheduling decision sees it: the node, the pods bound to it that still hold
 * resources, and their sums. Immutable.
 *
 * @param requested the sum of the pods' requests, for fitting
 * @param nonZeroRequested the same with defaults for containers that request nothing, for scoring
 * @param usedPorts the host ports the pods hold
 */
public record NodeInfo(
    Node node,
    List<Pod> pods,
    Resources requested,
    Resources nonZeroRequested,
    List<HostPort> usedPorts) {

  static final String PODS = "pods";

  public NodeInfo {
    pods = List.copyOf(pods);
    usedPorts = List.copyOf(usedPorts);
  }

  /** {@code node} with {@code pods} bound to it. */
  public static NodeInfo of(Node node, List<Pod> pods) {
    Resources requested = Resources.ZERO;
    Resources nonZero = Resources.ZERO;
    List<HostPort> ports = new ArrayList<>();
    for (Pod pod : pods) {
      requested = requested.plus(PodRequests.of(pod));
      nonZero = nonZero.plus(PodRequests.nonZero(pod));
      ports.addAll(HostPort.of(pod));
    }
    return new NodeInfo(node, pods, requested, nonZero, ports);
  }

  public String name() {
    return String.valueOf(node.metadata().name());
  }

  /** CPU and memory the node offers pods; what it does not report counts as none. */
  public Resources allocatable() {
    return Resources.of(node.status().allocatable());
  }

  /** How many pods the node takes; a node that does not say takes none, as in Kubernetes. */
  public long allocatablePods() {
    Map<String, Quantity> allocatable = node.status().allocatable();
    Quantity pods = allocatable.get(PODS);
    return pods == null ? 0 : pods.longValue();
  }
}
