package io.cetus.scheduler.cache;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.cetus.api.core.Pod;

/**
 * The pods this scheduler has bound (or is binding) that the pod informer does not show bound yet.
 * Without it, two pods scheduled back to back could both be given the last room on a node: the
 * second decision would be made on a cache that does not show the first binding.
 *
 * <p>An assumption ends when the informer shows the pod bound, when the pod is gone or replaced (a
 * new uid), or when the binding fails ({@link #forget}). Thread-safe.
 */
public final class AssumeCache {

  private final ConcurrentMap<String, Pod> assumed = new ConcurrentHashMap<>();

  /** Counts {@code pod} on {@code node} from now on. */
  public void assume(Pod pod, String node) {
    assumed.put(key(pod), pod.withSpec(pod.spec().withNodeName(node)));
  }

  /** Stops counting {@code pod} anywhere: its binding failed. */
  public void forget(Pod pod) {
    assumed.remove(key(pod));
  }

  /** Whether {@code pod}, as cached, is one this scheduler has bound already. */
  public boolean isAssumed(Pod pod) {
    Pod bound = assumed.get(key(pod));
    return bound != null && sameUid(bound, pod);
  }

  /**
   * {@code cached} with every assumed binding applied; assumptions the cache has caught up with
   * (the pod shows bound, is gone, or was replaced) are dropped on the way.
   */
  public List<Pod> overlay(Collection<Pod> cached) {
    List<Pod> pods = new ArrayList<>(cached.size());
    Set<String> seen = new HashSet<>();
    for (Pod pod : cached) {
      String key = key(pod);
      Pod bound = assumed.get(key);
      if (bound == null) {
        pods.add(pod);
        continue;
      }
      seen.add(key);
      String node = pod.spec().nodeName();
      if (!sameUid(bound, pod) || (node != null && !node.isEmpty())) {
        assumed.remove(key, bound);
        pods.add(pod);
      } else {
        pods.add(bound);
      }
    }
    assumed.keySet().removeIf(key -> !seen.contains(key));
    return pods;
  }

  private static boolean sameUid(Pod a, Pod b) {
    return Objects.equals(a.metadata().uid(), b.metadata().uid());
  }

  private static String key(Pod pod) {
    return pod.metadata().namespace() + "/" + pod.metadata().name();
  }
}
