package io.cetus.scheduler.cache;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.cetus.api.core.Node;
import io.cetus.api.core.NodeCondition;
import io.cetus.api.core.Pod;
import io.cetus.api.core.Taint;
import io.cetus.api.meta.Condition;
import io.cetus.api.quantity.Quantity;

/**
 * A node as the scheduler sees it: the node, the pods counted on it (bound, or assumed bound, and
 * still holding resources), and their sums kept as pods come and go: requests, host ports and the
 * number of pods per {@link SiblingKey}. Immutable: a change makes a new {@code NodeInfo} (copying
 * this node's pod list only), so a snapshot of the cluster is a list of references.
 */
public final class NodeInfo {

  static final String PODS = "pods";

  private final Node node;
  private final String name;
  private final boolean unschedulable;
  private final List<Taint> taints;
  private final Map<String, String> labels;
  private final Resources allocatable;
  private final long allocatablePods;
  private final boolean ready;
  private final List<PodInfo> pods;
  private final Resources requested;
  private final Resources nonZeroRequested;
  private final List<HostPort> usedPorts;
  private final Map<SiblingKey, Integer> siblings;

  private NodeInfo(
      Node node,
      List<PodInfo> pods,
      Resources requested,
      Resources nonZeroRequested,
      List<HostPort> usedPorts,
      Map<SiblingKey, Integer> siblings) {
    this.node = node;
    this.name = String.valueOf(node.metadata().name());
    this.unschedulable = Boolean.TRUE.equals(node.spec().unschedulable());
    this.taints = node.spec().taints();
    this.labels = node.metadata().labels();
    Map<String, Quantity> offered = node.status().allocatable();
    this.allocatable = Resources.of(offered);
    Quantity podCount = offered.get(PODS);
    this.allocatablePods = podCount == null ? 0 : podCount.longValue();
    this.ready = Condition.holds(node.status().conditions(), NodeCondition.READY);
    this.pods = pods;
    this.requested = requested;
    this.nonZeroRequested = nonZeroRequested;
    this.usedPorts = usedPorts;
    this.siblings = siblings;
  }

  /** {@code node} without pods. */
  public static NodeInfo of(Node node) {
    return new NodeInfo(node, List.of(), Resources.ZERO, Resources.ZERO, List.of(), Map.of());
  }

  /** {@code node} with {@code pods} counted on it. */
  public static NodeInfo of(Node node, List<Pod> pods) {
    NodeInfo info = of(node);
    for (Pod pod : pods) {
      info = info.withPod(PodInfo.of(pod));
    }
    return info;
  }

  /** The same pods on {@code newNode}, a newer version of the node. */
  public NodeInfo withNode(Node newNode) {
    return new NodeInfo(newNode, pods, requested, nonZeroRequested, usedPorts, siblings);
  }

  /** This node with {@code pod} counted on it too. */
  public NodeInfo withPod(PodInfo pod) {
    List<PodInfo> newPods = new ArrayList<>(pods.size() + 1);
    newPods.addAll(pods);
    newPods.add(pod);
    List<HostPort> newPorts = usedPorts;
    if (!pod.hostPorts().isEmpty()) {
      newPorts = new ArrayList<>(usedPorts);
      newPorts.addAll(pod.hostPorts());
      newPorts = List.copyOf(newPorts);
    }
    Map<SiblingKey, Integer> newSiblings = siblings;
    if (pod.siblingKey() != null && pod.countsAsSibling()) {
      newSiblings = new HashMap<>(siblings);
      newSiblings.merge(pod.siblingKey(), 1, Integer::sum);
      newSiblings = Map.copyOf(newSiblings);
    }
    return new NodeInfo(
        node,
        List.copyOf(newPods),
        requested.plus(pod.requests()),
        nonZeroRequested.plus(pod.nonZeroRequests()),
        newPorts,
        newSiblings);
  }

  /**
   * This node without {@code pod}, which must be the very {@code PodInfo} counted here before;
   * unchanged if it is not.
   */
  public NodeInfo withoutPod(PodInfo pod) {
    List<PodInfo> newPods = new ArrayList<>(pods.size());
    boolean found = false;
    for (PodInfo counted : pods) {
      if (!found && counted == pod) {
        found = true;
      } else {
        newPods.add(counted);
      }
    }
    if (!found) {
      return this;
    }
    List<HostPort> newPorts = usedPorts;
    if (!pod.hostPorts().isEmpty()) {
      newPorts = new ArrayList<>(usedPorts);
      for (HostPort port : pod.hostPorts()) {
        newPorts.remove(port);
      }
      newPorts = List.copyOf(newPorts);
    }
    Map<SiblingKey, Integer> newSiblings = siblings;
    if (pod.siblingKey() != null && pod.countsAsSibling()) {
      newSiblings = new HashMap<>(siblings);
      newSiblings.computeIfPresent(pod.siblingKey(), (key, count) -> count > 1 ? count - 1 : null);
      newSiblings = Map.copyOf(newSiblings);
    }
    return new NodeInfo(
        node,
        List.copyOf(newPods),
        requested.minus(pod.requests()),
        nonZeroRequested.minus(pod.nonZeroRequests()),
        newPorts,
        newSiblings);
  }

  public Node node() {
    return node;
  }

  public String name() {
    return name;
  }

  /** Whether the node is cordoned ({@code spec.unschedulable}). */
  public boolean unschedulable() {
    return unschedulable;
  }

  /** The node's taints ({@code spec.taints}). */
  public List<Taint> taints() {
    return taints;
  }

  /** The node's labels. */
  public Map<String, String> labels() {
    return labels;
  }

  /** CPU and memory the node offers pods; what it does not report counts as none. */
  public Resources allocatable() {
    return allocatable;
  }

  /** How many pods the node takes; a node that does not say takes none, as in Kubernetes. */
  public long allocatablePods() {
    return allocatablePods;
  }

  /** Whether the node's {@code Ready} condition is {@code True}. */
  public boolean ready() {
    return ready;
  }

  /** The pods counted on the node, in the order they were added. */
  public List<PodInfo> pods() {
    return pods;
  }

  /** The sum of the pods' requests, for fitting. */
  public Resources requested() {
    return requested;
  }

  /** The same with defaults for containers that request nothing, for scoring. */
  public Resources nonZeroRequested() {
    return nonZeroRequested;
  }

  /** The host ports the pods hold. */
  public List<HostPort> usedPorts() {
    return usedPorts;
  }

  /** How many pods with this sibling key (not being deleted) the node runs. */
  public int siblings(SiblingKey key) {
    return siblings.getOrDefault(key, 0);
  }

  @Override
  public String toString() {
    return "NodeInfo[" + name + ", " + pods.size() + " pods, requested " + requested + "]";
  }
}
