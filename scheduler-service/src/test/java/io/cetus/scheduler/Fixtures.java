package io.cetus.scheduler;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.cetus.api.core.Container;
import io.cetus.api.core.ContainerPort;
import io.cetus.api.core.Node;
import io.cetus.api.core.NodeCondition;
import io.cetus.api.core.NodeSpec;
import io.cetus.api.core.NodeStatus;
import io.cetus.api.core.Pod;
import io.cetus.api.core.PodSpec;
import io.cetus.api.core.ResourceRequirements;
import io.cetus.api.core.Taint;
import io.cetus.api.core.Toleration;
import io.cetus.api.meta.Condition;
import io.cetus.api.meta.ObjectMeta;
import io.cetus.api.meta.OwnerReference;
import io.cetus.api.quantity.Quantity;
import io.cetus.scheduler.cache.NodeInfo;
import io.cetus.scheduler.cache.SchedulerCache;

/** Nodes and pods for scheduler tests, built as small changes to plain defaults. */
public final class Fixtures {

  public static final String NAMESPACE = "default";

  private Fixtures() {}

  /** A Ready node offering {@code cpu}, {@code memory} and room for 110 pods. */
  public static Node node(String name, String cpu, String memory) {
    return new Node(
        null,
        null,
        ObjectMeta.named(null, name),
        null,
        new NodeStatus(
            null,
            Map.of(
                "cpu", Quantity.parse(cpu),
                "memory", Quantity.parse(memory),
                "pods", Quantity.of(110)),
            List.of(new NodeCondition(NodeCondition.READY, Condition.TRUE, null, null, null, null)),
            null,
            null,
            null));
  }

  public static Node withPodCapacity(Node node, int pods) {
    Map<String, Quantity> allocatable = new HashMap<>(node.status().allocatable());
    allocatable.put("pods", Quantity.of(pods));
    NodeStatus status = node.status();
    return node.withStatus(
        new NodeStatus(
            status.capacity(),
            allocatable,
            status.conditions(),
            status.addresses(),
            status.daemonEndpoints(),
            status.nodeInfo()));
  }

  public static Node withReady(Node node, String readyStatus) {
    NodeStatus status = node.status();
    return node.withStatus(
        new NodeStatus(
            status.capacity(),
            status.allocatable(),
            List.of(new NodeCondition(NodeCondition.READY, readyStatus, null, null, null, null)),
            status.addresses(),
            status.daemonEndpoints(),
            status.nodeInfo()));
  }

  public static Node cordoned(Node node) {
    NodeSpec spec = node.spec();
    return node.withSpec(
        new NodeSpec(spec.podCIDR(), spec.podCIDRs(), spec.providerID(), true, spec.taints()));
  }

  public static Node withTaint(Node node, String key, String value, String effect) {
    NodeSpec spec = node.spec();
    List<Taint> taints = new ArrayList<>(spec.taints());
    taints.add(new Taint(key, value, effect, null));
    return node.withSpec(
        new NodeSpec(
            spec.podCIDR(), spec.podCIDRs(), spec.providerID(), spec.unschedulable(), taints));
  }

  public static Node withLabel(Node node, String key, String value) {
    return node.withMetadata(node.metadata().withLabel(key, value));
  }

  public static Node withHeartbeat(Node node, Instant heartbeat) {
    NodeStatus status = node.status();
    return node.withStatus(
        new NodeStatus(
            status.capacity(),
            status.allocatable(),
            List.of(
                new NodeCondition(
                    NodeCondition.READY, Condition.TRUE, heartbeat, null, null, null)),
            status.addresses(),
            status.daemonEndpoints(),
            status.nodeInfo()));
  }

  /** A pod in {@value #NAMESPACE} with one container and no requests, with a uid of its own. */
  public static Pod pod(String name) {
    return new Pod(
        null,
        null,
        new ObjectMeta(
            name,
            null,
            NAMESPACE,
            UUID.randomUUID().toString(),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null),
        PodSpec.builder().containers(List.of(Container.of("app", "nginx:1.27"))).build(),
        null);
  }

  public static Pod requesting(Pod pod, String cpu, String memory) {
    return withContainer(
        pod,
        pod.spec().containers().getFirst().toBuilder()
            .resources(
                new ResourceRequirements(
                    null, Map.of("cpu", Quantity.parse(cpu), "memory", Quantity.parse(memory))))
            .build());
  }

  public static Pod withHostPort(Pod pod, int hostPort) {
    return withContainer(
        pod,
        pod.spec().containers().getFirst().toBuilder()
            .ports(List.of(new ContainerPort(null, hostPort, 8080, null, null)))
            .build());
  }

  public static Pod boundTo(Pod pod, String node) {
    return pod.withSpec(pod.spec().withNodeName(node));
  }

  public static Pod ownedBy(Pod pod, String ownerName, String ownerUid) {
    return pod.withMetadata(
        pod.metadata()
            .withOwnerReferences(
                List.of(
                    new OwnerReference("apps/v1", "ReplicaSet", ownerName, ownerUid, true, true))));
  }

  public static Pod withLabels(Pod pod, Map<String, String> labels) {
    return pod.withMetadata(pod.metadata().withLabels(labels));
  }

  public static Pod withNodeSelector(Pod pod, Map<String, String> selector) {
    return pod.withSpec(pod.spec().toBuilder().nodeSelector(selector).build());
  }

  public static Pod tolerating(Pod pod, Toleration toleration) {
    List<Toleration> tolerations = new ArrayList<>(pod.spec().tolerations());
    tolerations.add(toleration);
    return pod.withSpec(pod.spec().toBuilder().tolerations(tolerations).build());
  }

  /** The nodes as the scheduler's cache shows them with {@code pods} bound to them. */
  public static List<NodeInfo> cluster(List<Node> nodes, List<Pod> pods) {
    SchedulerCache cache = new SchedulerCache(Clock.systemUTC());
    nodes.forEach(cache::addOrUpdateNode);
    pods.forEach(cache::addPod);
    return cache.nodes();
  }

  private static Pod withContainer(Pod pod, Container container) {
    return pod.withSpec(pod.spec().toBuilder().containers(List.of(container)).build());
  }
}
