package io.cetus.scheduler.score;

import java.util.Arrays;
import java.util.List;

import io.cetus.scheduler.cache.NodeInfo;
import io.cetus.scheduler.cache.PodInfo;
import io.cetus.scheduler.cache.SiblingKey;

/**
 * Spreads the pods of one workload across nodes: the fewer of its siblings a node already runs, the
 * higher it scores. Siblings are pods of the same controller (compared by owner uid); for a pod
 * without a controller, pods of its namespace with exactly its labels. A pod with neither has no
 * siblings and every node scores the same. Pods being deleted do not count. The counts are kept per
 * node by the cache ({@link NodeInfo#siblings}), so scoring a node is one lookup.
 */
public final class SpreadScorer implements NodeScorer {

  static final int WEIGHT = 2;

  @Override
  public int weight() {
    return WEIGHT;
  }

  @Override
  public int[] score(PodInfo pod, List<NodeInfo> nodes) {
    int[] scores = new int[nodes.size()];
    SiblingKey key = pod.siblingKey();
    if (key == null) {
      Arrays.fill(scores, MAX_SCORE);
      return scores;
    }
    int most = 0;
    for (int i = 0; i < scores.length; i++) {
      scores[i] = nodes.get(i).siblings(key);
      most = Math.max(most, scores[i]);
    }
    for (int i = 0; i < scores.length; i++) {
      scores[i] = most == 0 ? MAX_SCORE : MAX_SCORE * (most - scores[i]) / most;
    }
    return scores;
  }
}
