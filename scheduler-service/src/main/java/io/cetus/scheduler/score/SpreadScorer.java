package io.cetus.scheduler.score;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.cetus.api.core.Pod;
import io.cetus.api.meta.OwnerReference;
import io.cetus.api.meta.Owners;
import io.cetus.scheduler.cache.NodeInfo;

/**
 * Spreads the pods of one workload across nodes: the fewer of its siblings a node already runs, the
 * higher it scores. Siblings are pods of the same controller (compared by owner uid); for a pod
 * without a controller, pods of its namespace with exactly its labels. A pod with neither has no
 * siblings and every node scores the same. Pods being deleted do not count.
 */
public final class SpreadScorer implements NodeScorer {

  static final int WEIGHT = 2;

  @Override
  public int weight() {
    return WEIGHT;
  }

  @Override
  public Map<String, Integer> score(Pod pod, List<NodeInfo> nodes) {
    Map<String, Integer> siblings = new HashMap<>();
    int most = 0;
    for (NodeInfo node : nodes) {
      int count = 0;
      for (Pod other : node.pods()) {
        if (isSibling(pod, other)) {
          count++;
        }
      }
      siblings.put(node.name(), count);
      most = Math.max(most, count);
    }
    Map<String, Integer> scores = new HashMap<>();
    for (Map.Entry<String, Integer> entry : siblings.entrySet()) {
      scores.put(
          entry.getKey(), most == 0 ? MAX_SCORE : MAX_SCORE * (most - entry.getValue()) / most);
    }
    return scores;
  }

  private static boolean isSibling(Pod pod, Pod other) {
    if (other.metadata().isBeingDeleted()
        || !Objects.equals(pod.metadata().namespace(), other.metadata().namespace())
        || Objects.equals(pod.metadata().uid(), other.metadata().uid())) {
      return false;
    }
    Optional<OwnerReference> owner = Owners.controllerOf(pod);
    if (owner.isPresent()) {
      return Owners.controllerOf(other)
          .map(theirs -> Objects.equals(theirs.uid(), owner.get().uid()))
          .orElse(false);
    }
    Map<String, String> labels = pod.metadata().labels();
    return !labels.isEmpty()
        && Owners.controllerOf(other).isEmpty()
        && labels.equals(other.metadata().labels());
  }
}
