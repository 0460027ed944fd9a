package io.cetus.scheduler.lifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import io.cetus.api.coordination.Lease;
import io.cetus.api.core.Node;
import io.cetus.api.core.NodeCondition;
import io.cetus.api.core.NodeSpec;
import io.cetus.api.core.NodeStatus;
import io.cetus.api.core.Pod;
import io.cetus.api.core.Taint;
import io.cetus.api.core.Toleration;
import io.cetus.api.errors.ApiErrors;
import io.cetus.api.errors.ApiException;
import io.cetus.api.meta.Condition;
import io.cetus.client.DeleteOptions;
import io.cetus.client.ObjectClient;
import io.cetus.client.informer.Lister;
import io.cetus.controller.event.EventRecorder;
import io.cetus.controller.reconcile.Reconciler;
import io.cetus.controller.reconcile.Request;
import io.cetus.controller.reconcile.Result;
import io.cetus.scheduler.filter.Tolerations;

/**
 * Watches one node's heartbeat, its {@code Lease} in {@code kube-node-lease}:
 *
 * <pre>
 *   healthy ──renewTime + grace period passed──► unreachable: Ready=Unknown (NodeStatusUnknown),
 *      ▲                                          taint node.kubernetes.io/unreachable:NoExecute
 *      │                                                │ eviction timeout after the taint
 *      │                                                ▼
 *      └──── lease renewed: taint removed ◄──── pods deleted (grace period 0), one Event each
 * </pre>
 *
 * A node without a lease is judged by its {@code Ready} heartbeat, else by its creation time. The
 * grace period never starts before this controller first saw the node: after a restart of the whole
 * cluster every lease is old, and the agents deserve the time to renew theirs. A pod that tolerates
 * the unreachable taint stays for its {@code tolerationSeconds} (forever without). When no node at
 * all is Ready, nothing is evicted: the fault is then more likely on the control plane's side than
 * on every machine at once, and there would be nowhere to put the pods anyway. Times come from the
 * injected clock; the node is looked at again when its deadlines fall and at least every monitor
 * period. {@code Ready=True} is the agent's to report when it comes back.
 */
final class NodeLifecycleReconciler implements Reconciler {

  static final String LEASE_NAMESPACE = "kube-node-lease";
  static final String UNREACHABLE_TAINT = "node.kubernetes.io/unreachable";
  static final String REASON_STATUS_UNKNOWN = "NodeStatusUnknown";
  static final String REASON_NEVER_UPDATED = "NodeStatusNeverUpdated";
  static final String REASON_NODE_NOT_READY = "NodeNotReady";
  static final String REASON_EVICTION = "TaintManagerEviction";

  private static final Duration SHORTEST_REQUEUE = Duration.ofMillis(100);

  private final Lister<Node> nodes;
  private final Lister<Lease> leases;
  private final Lister<Pod> pods;
  private final ObjectClient<Node> nodeClient;
  private final ObjectClient<Pod> podClient;
  private final EventRecorder events;
  private final NodeLifecycleSettings settings;
  private final Clock clock;
  private final Map<String, Instant> firstSeen = new ConcurrentHashMap<>();

  NodeLifecycleReconciler(
      Lister<Node> nodes,
      Lister<Lease> leases,
      Lister<Pod> pods,
      ObjectClient<Node> nodeClient,
      ObjectClient<Pod> podClient,
      EventRecorder events,
      NodeLifecycleSettings settings,
      Clock clock) {
    this.nodes = nodes;
    this.leases = leases;
    this.pods = pods;
    this.nodeClient = nodeClient;
    this.podClient = podClient;
    this.events = events;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public Result reconcile(Request request) {
    Optional<Node> cached = nodes.get(null, request.name());
    if (cached.isEmpty()) {
      firstSeen.remove(request.name());
      return Result.DONE;
    }
    Node node = cached.get();
    Instant now = clock.instant();
    Instant seen = firstSeen.computeIfAbsent(request.name(), name -> now);
    Instant heartbeat = lastHeartbeat(node, now);
    Instant unreachableAt =
        (heartbeat.isAfter(seen) ? heartbeat : seen).plus(settings.gracePeriod());
    if (now.isBefore(unreachableAt)) {
      if (unreachableTaint(node).isPresent()) {
        nodeClient.update(withoutUnreachableTaint(node));
      }
      return lookAgainAt(unreachableAt, now);
    }
    node = markUnknown(node, now);
    node = taint(node, now);
    if (noNodeReady()) {
      return Result.requeueIn(settings.monitorPeriod());
    }
    Instant taintedAt = unreachableTaint(node).map(Taint::timeAdded).orElse(unreachableAt);
    Instant nextEviction = evictDuePods(node, taintedAt, now);
    return nextEviction == null
        ? Result.requeueIn(settings.monitorPeriod())
        : lookAgainAt(nextEviction, now);
  }

  private Instant lastHeartbeat(Node node, Instant now) {
    Optional<Lease> lease = leases.get(LEASE_NAMESPACE, String.valueOf(node.metadata().name()));
    if (lease.isPresent()) {
      Instant renewed = lease.get().spec().renewTime();
      if (renewed == null) {
        renewed = lease.get().spec().acquireTime();
      }
      if (renewed != null) {
        return renewed;
      }
    }
    Optional<NodeCondition> ready = Condition.find(node.status().conditions(), NodeCondition.READY);
    if (ready.isPresent() && ready.get().lastHeartbeatTime() != null) {
      return ready.get().lastHeartbeatTime();
    }
    Instant created = node.metadata().creationTimestamp();
    return created != null ? created : now;
  }

  private boolean noNodeReady() {
    return nodes.list().stream()
        .noneMatch(
            node ->
                Condition.find(node.status().conditions(), NodeCondition.READY)
                    .map(ready -> Condition.TRUE.equals(ready.status()))
                    .orElse(false));
  }

  /** Every condition the agent no longer vouches for turns Unknown; Ready is added if missing. */
  private Node markUnknown(Node node, Instant now) {
    Instant at = now.truncatedTo(ChronoUnit.SECONDS);
    List<NodeCondition> conditions = new ArrayList<>();
    boolean changed = false;
    boolean hasReady = false;
    for (NodeCondition condition : node.status().conditions()) {
      hasReady |= condition.type().equals(NodeCondition.READY);
      if (Condition.UNKNOWN.equals(condition.status())) {
        conditions.add(condition);
      } else {
        changed = true;
        conditions.add(
            new NodeCondition(
                condition.type(),
                Condition.UNKNOWN,
                condition.lastHeartbeatTime(),
                at,
                REASON_STATUS_UNKNOWN,
                "The node agent stopped renewing its lease."));
      }
    }
    if (!hasReady) {
      changed = true;
      conditions.add(
          new NodeCondition(
              NodeCondition.READY,
              Condition.UNKNOWN,
              null,
              at,
              REASON_NEVER_UPDATED,
              "The node agent never reported the node's status."));
    }
    if (!changed) {
      return node;
    }
    NodeStatus status = node.status();
    Node updated =
        nodeClient.updateStatus(
            node.withStatus(
                new NodeStatus(
                    status.capacity(),
                    status.allocatable(),
                    conditions,
                    status.addresses(),
                    status.daemonEndpoints(),
                    status.nodeInfo())));
    events.normal(
        node,
        REASON_NODE_NOT_READY,
        "Node " + node.metadata().name() + " status is now: " + REASON_NODE_NOT_READY);
    return updated;
  }

  private Node taint(Node node, Instant now) {
    if (unreachableTaint(node).isPresent()) {
      return node;
    }
    List<Taint> taints = new ArrayList<>(node.spec().taints());
    taints.add(
        new Taint(
            UNREACHABLE_TAINT, null, Tolerations.NO_EXECUTE, now.truncatedTo(ChronoUnit.SECONDS)));
    return nodeClient.update(node.withSpec(withTaints(node.spec(), taints)));
  }

  /** Evicts the pods whose time is up; returns when the next one's is, if any. */
  private @Nullable Instant evictDuePods(Node node, Instant taintedAt, Instant now) {
    String nodeName = String.valueOf(node.metadata().name());
    Taint taint = new Taint(UNREACHABLE_TAINT, null, Tolerations.NO_EXECUTE, taintedAt);
    Instant next = null;
    for (Pod pod : pods.list()) {
      if (!nodeName.equals(pod.spec().nodeName())) {
        continue;
      }
      Optional<Toleration> toleration = Tolerations.matching(pod, taint);
      if (toleration.isPresent() && toleration.get().tolerationSeconds() == null) {
        continue;
      }
      Duration allowed =
          toleration.isPresent()
              ? Duration.ofSeconds(Math.max(0, toleration.get().tolerationSeconds()))
              : settings.evictionTimeout();
      Instant due = taintedAt.plus(allowed);
      if (now.isBefore(due)) {
        next = next == null || due.isBefore(next) ? due : next;
      } else {
        evict(pod);
      }
    }
    return next;
  }

  private void evict(Pod pod) {
    String namespace = pod.metadata().namespace();
    String name = String.valueOf(pod.metadata().name());
    try {
      // The agent of a dead node cannot finish a graceful deletion: delete at once.
      podClient.delete(
          namespace,
          name,
          DeleteOptions.DEFAULT
              .withGracePeriodSeconds(0L)
              .withPreconditions(pod.metadata().uid(), null));
    } catch (ApiException e) {
      if (ApiErrors.isNotFound(e) || ApiErrors.isConflict(e)) {
        return; // gone already, or a new pod took the name
      }
      throw e;
    }
    events.normal(pod, REASON_EVICTION, "Marking for deletion Pod " + namespace + "/" + name);
  }

  private Result lookAgainAt(Instant at, Instant now) {
    Duration wait = Duration.between(now, at);
    if (wait.compareTo(settings.monitorPeriod()) > 0) {
      wait = settings.monitorPeriod();
    }
    return Result.requeueIn(wait.compareTo(SHORTEST_REQUEUE) < 0 ? SHORTEST_REQUEUE : wait);
  }

  private static Optional<Taint> unreachableTaint(Node node) {
    return node.spec().taints().stream()
        .filter(t -> UNREACHABLE_TAINT.equals(t.key()) && Tolerations.NO_EXECUTE.equals(t.effect()))
        .findFirst();
  }

  private static Node withoutUnreachableTaint(Node node) {
    List<Taint> taints =
        node.spec().taints().stream().filter(t -> !UNREACHABLE_TAINT.equals(t.key())).toList();
    return node.withSpec(withTaints(node.spec(), taints));
  }

  private static NodeSpec withTaints(NodeSpec spec, List<Taint> taints) {
    return new NodeSpec(
        spec.podCIDR(), spec.podCIDRs(), spec.providerID(), spec.unschedulable(), taints);
  }
}
