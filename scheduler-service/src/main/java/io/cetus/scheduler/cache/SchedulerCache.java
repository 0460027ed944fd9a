package io.cetus.scheduler.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cetus.api.core.Node;
import io.cetus.api.core.Pod;
import io.cetus.api.meta.ObjectMeta;

/**
 * The scheduler's picture of the cluster, kept up to date incrementally, as kube-scheduler's cache
 * is: a {@link NodeInfo} per node, changed by the node and pod informers' events and by the
 * scheduler's own decisions, instead of being rebuilt from every node and pod for every decision.
 *
 * <p>A pod counts on a node while it is bound there and holds resources (not {@code Succeeded} or
 * {@code Failed}), or while it is <em>assumed</em> there: the scheduler decided on it and is
 * binding it, and the informer does not show it bound yet. Without assumptions, two pods scheduled
 * back to back could both be given the last room on a node. An assumption ends
 *
 * <ul>
 *   <li>when the informer shows the pod bound: the informer's pod replaces the assumed one, so it
 *       is counted once (on the node the informer says);
 *   <li>when the pod is deleted or replaced (another uid);
 *   <li>when its binding failed ({@link #forget});
 *   <li>when the binding succeeded ({@link #finishBinding}) but the informer has not shown the pod
 *       bound within {@link #ASSUMED_TTL}: it expires, as the pod evidently went elsewhere or away.
 * </ul>
 *
 * <p>Nodes the informer has not shown yet are remembered with their pods but left out of {@link
 * #nodes()}. Thread-safe: every method holds one lock briefly; readers get immutable snapshots.
 */
public final class SchedulerCache {

  /** How long a bound assumed pod waits for the informer to show it before it expires. */
  public static final Duration ASSUMED_TTL = Duration.ofSeconds(30);

  private static final Duration CLEANUP_PERIOD = Duration.ofSeconds(1);
  private static final Logger log = LoggerFactory.getLogger(SchedulerCache.class);

  private final Clock clock;
  private final Map<String, NodeEntry> nodes = new HashMap<>();

  /** The known nodes' infos, in no particular order, each at its entry's {@code slot}. */
  private final List<NodeInfo> listed = new ArrayList<>();

  /** Every pod counted somewhere, by {@code namespace/name}. */
  private final Map<String, PodState> pods = new HashMap<>();

  /** The assumed ones among them. */
  private final Map<String, PodState> assumed = new HashMap<>();

  /** One instance of each sibling key of the counted pods, with how many pods hold it. */
  private final Map<SiblingKey, SharedKey> siblingKeys = new HashMap<>();

  private Instant nextCleanup = Instant.MIN;

  /** Threads in {@link #awaitNodes}, woken by every node change. */
  private int nodeWaiters;

  /** How many nodes were removed so far, for {@link #awaitNodes}. */
  private long nodeRemovals;

  public SchedulerCache(Clock clock) {
    this.clock = clock;
  }

  // --- snapshots

  /**
   * Every known node with the pods counted on it, as of now: an immutable list of immutable infos,
   * copied in O(nodes) references. Expires overdue assumptions first.
   */
  public synchronized List<NodeInfo> nodes() {
    expireAssumed();
    return List.copyOf(listed);
  }

  /** The node's info as of now, if it is known. */
  public synchronized @Nullable NodeInfo node(String name) {
    NodeEntry entry = nodes.get(name);
    return entry == null || entry.slot < 0 ? null : entry.info;
  }

  /**
   * Waits until every node {@code names} gives is in the cache. The node informer's handler
   * delivers its objects on a thread of its own, so the informer can know nodes the cache does not
   * show yet; a decision made in that moment would miss them (at start: "no nodes available").
   * {@code names} is asked again once the node it lacked arrives or any node is removed (it may
   * have been that one), not on every node change: the initial adds of many nodes cost one list per
   * node that was missing, not one per add.
   *
   * @param names the nodes that must be here, e.g. the node informer's
   * @return {@code false} if {@code timeout} passed first
   */
  public synchronized boolean awaitNodes(
      Supplier<? extends Collection<String>> names, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    nodeWaiters++;
    try {
      String missing = firstMissing(names.get());
      while (missing != null) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        long removals = nodeRemovals;
        TimeUnit.NANOSECONDS.timedWait(this, left);
        if (node(missing) != null || nodeRemovals != removals) {
          missing = firstMissing(names.get());
        }
      }
      return true;
    } finally {
      nodeWaiters--;
    }
  }

  private @Nullable String firstMissing(Collection<String> names) {
    for (String name : names) {
      if (node(name) == null) {
        return name;
      }
    }
    return null;
  }

  // --- node informer

  public synchronized void addOrUpdateNode(Node node) {
    String name = String.valueOf(node.metadata().name());
    NodeEntry entry = nodes.computeIfAbsent(name, NodeEntry::new);
    entry.info = entry.info.withNode(node);
    if (entry.slot < 0) {
      entry.slot = listed.size();
      listed.add(entry.info);
    } else {
      listed.set(entry.slot, entry.info);
    }
    if (nodeWaiters > 0) {
      notifyAll();
    }
  }

  /** The node is gone; pods still bound to it stay remembered until they go too. */
  public synchronized void removeNode(Node node) {
    String name = String.valueOf(node.metadata().name());
    nodeRemovals++;
    if (nodeWaiters > 0) {
      notifyAll(); // the informer shows the node no more either
    }
    NodeEntry entry = nodes.get(name);
    if (entry == null) {
      return;
    }
    unlist(entry);
    entry.info = entry.info.withNode(placeholder(name));
    dropIfEmpty(entry);
  }

  // --- pod informer

  /** The informer shows {@code pod} (added, or after a re-list). */
  public synchronized void addPod(Pod pod) {
    PodState state = pods.get(PodInfo.key(pod));
    if (state != null && state.assumed && sameUid(state.info.pod(), pod) && !isBound(pod)) {
      return; // the informer is behind our assumption
    }
    set(pod);
  }

  /** The informer shows {@code newPod} replacing {@code oldPod}. */
  public synchronized void updatePod(Pod oldPod, Pod newPod) {
    addPod(newPod);
  }

  /** The informer no longer shows {@code pod}. */
  public synchronized void removePod(Pod pod) {
    String key = PodInfo.key(pod);
    PodState state = pods.get(key);
    if (state != null && (!state.assumed || sameUid(state.info.pod(), pod))) {
      uncount(key, state);
    }
  }

  // --- the scheduler's decisions

  /**
   * What scheduling needs of {@code pod}, with the cache's own instance of its sibling key if a
   * counted pod has an equal one, so that counting its siblings on each node is an identity check.
   */
  public synchronized PodInfo podInfo(Pod pod) {
    PodInfo info = PodInfo.of(pod);
    SiblingKey key = info.siblingKey();
    SharedKey shared = key == null ? null : siblingKeys.get(key);
    return shared == null || shared.key == key ? info : info.withSiblingKey(shared.key);
  }

  /** Counts {@code pod} on {@code node} from now on: the scheduler is binding it there. */
  public void assume(Pod pod, String node) {
    assume(PodInfo.of(pod), node);
  }

  /** Counts the pod of {@code info} on {@code node} from now on: the scheduler is binding it. */
  public synchronized void assume(PodInfo info, String node) {
    String key = info.key();
    PodState previous = pods.get(key);
    if (previous != null) {
      uncount(key, previous);
    }
    PodState state = new PodState(info, node);
    state.assumed = true;
    count(key, state);
    assumed.put(key, state);
  }

  /**
   * {@code pod}'s binding succeeded; its assumption now expires unless the informer shows it bound
   * within {@link #ASSUMED_TTL}.
   */
  public synchronized void finishBinding(Pod pod) {
    PodState state = assumed.get(PodInfo.key(pod));
    if (state != null && sameUid(state.info.pod(), pod)) {
      state.deadline = clock.instant().plus(ASSUMED_TTL);
    }
  }

  /** Stops counting the assumed {@code pod}: its binding failed. */
  public synchronized void forget(Pod pod) {
    String key = PodInfo.key(pod);
    PodState state = assumed.get(key);
    if (state != null && sameUid(state.info.pod(), pod)) {
      uncount(key, state);
    }
  }

  /** Whether {@code pod} (that uid) is assumed: the scheduler is binding it or has bound it. */
  public synchronized boolean isAssumed(Pod pod) {
    expireAssumed();
    PodState state = assumed.get(PodInfo.key(pod));
    return state != null && sameUid(state.info.pod(), pod);
  }

  /** How many pods are assumed, for tests and metrics. */
  public synchronized int assumedCount() {
    return assumed.size();
  }

  // --- bookkeeping

  /** Counts {@code pod} as the informer shows it, or stops counting it if it no longer counts. */
  private void set(Pod pod) {
    String key = PodInfo.key(pod);
    PodState previous = pods.get(key);
    if (previous != null) {
      uncount(key, previous);
    }
    if (isBound(pod) && PodInfo.holdsResources(pod)) {
      count(key, new PodState(PodInfo.of(pod), pod.spec().nodeName()));
    }
  }

  private void count(String key, PodState state) {
    state.info = share(state.info);
    pods.put(key, state);
    NodeEntry entry = nodes.computeIfAbsent(state.node, NodeEntry::new);
    entry.info = entry.info.withPod(state.info);
    relist(entry);
  }

  private void uncount(String key, PodState state) {
    pods.remove(key);
    if (state.assumed) {
      assumed.remove(key);
    }
    unshare(state.info);
    NodeEntry entry = nodes.get(state.node);
    if (entry != null) {
      entry.info = entry.info.withoutPod(state.info);
      relist(entry);
      dropIfEmpty(entry);
    }
  }

  /** {@code info} with the shared instance of its sibling key, held once more. */
  private PodInfo share(PodInfo info) {
    SiblingKey key = info.siblingKey();
    if (key == null) {
      return info;
    }
    SharedKey shared = siblingKeys.computeIfAbsent(key, SharedKey::new);
    shared.holders++;
    return shared.key == key ? info : info.withSiblingKey(shared.key);
  }

  private void unshare(PodInfo info) {
    SiblingKey key = info.siblingKey();
    SharedKey shared = key == null ? null : siblingKeys.get(key);
    if (shared != null && --shared.holders == 0) {
      siblingKeys.remove(key);
    }
  }

  private void expireAssumed() {
    Instant now = clock.instant();
    if (assumed.isEmpty() || now.isBefore(nextCleanup)) {
      return;
    }
    nextCleanup = now.plus(CLEANUP_PERIOD);
    Iterator<Map.Entry<String, PodState>> it = assumed.entrySet().iterator();
    List<Map.Entry<String, PodState>> expired = new ArrayList<>();
    while (it.hasNext()) {
      Map.Entry<String, PodState> next = it.next();
      Instant deadline = next.getValue().deadline;
      if (deadline != null && !now.isBefore(deadline)) {
        expired.add(next);
      }
    }
    for (Map.Entry<String, PodState> entry : expired) {
      log.warn(
          "Assumed pod {} on {} expired: bound {} ago, never seen bound",
          entry.getKey(),
          entry.getValue().node,
          ASSUMED_TTL);
      uncount(entry.getKey(), entry.getValue());
    }
  }

  private void relist(NodeEntry entry) {
    if (entry.slot >= 0) {
      listed.set(entry.slot, entry.info);
    }
  }

  private void unlist(NodeEntry entry) {
    if (entry.slot < 0) {
      return;
    }
    int last = listed.size() - 1;
    NodeInfo moved = listed.remove(last);
    if (entry.slot != last) {
      listed.set(entry.slot, moved);
      nodes.get(moved.name()).slot = entry.slot;
    }
    entry.slot = -1;
  }

  private void dropIfEmpty(NodeEntry entry) {
    if (entry.slot < 0 && entry.info.pods().isEmpty()) {
      nodes.remove(entry.name);
    }
  }

  private static boolean isBound(Pod pod) {
    String node = pod.spec().nodeName();
    return node != null && !node.isEmpty();
  }

  private static boolean sameUid(Pod a, Pod b) {
    return Objects.equals(a.metadata().uid(), b.metadata().uid());
  }

  private static Node placeholder(String name) {
    return new Node(null, null, ObjectMeta.named(null, name), null, null);
  }

  /** One node name: its info (on a placeholder node until the informer shows the node). */
  private static final class NodeEntry {
    final String name;
    NodeInfo info;
    int slot = -1;

    NodeEntry(String name) {
      this.name = name;
      this.info = NodeInfo.of(placeholder(name));
    }
  }

  /** A sibling key's shared instance and how many counted pods hold it. */
  private static final class SharedKey {
    final SiblingKey key;
    int holders;

    SharedKey(SiblingKey key) {
      this.key = key;
    }
  }

  /** One counted pod: where, and whether only assumed there. */
  private static final class PodState {
    PodInfo info;
    final String node;
    boolean assumed;
    @Nullable Instant deadline;

    PodState(PodInfo info, String node) {
      this.info = info;
      this.node = node;
    }
  }
}
