package io.cetus.scheduler.score;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.cetus.api.core.Pod;
import io.cetus.scheduler.cache.NodeInfo;
import io.cetus.scheduler.cache.PodInfo;

/**
 * Ranks the nodes a pod fits on for one preference. Stateless and thread-safe; must not call the
 * API.
 */
public interface NodeScorer {

  int MAX_SCORE = 100;

  /** How much this preference counts against the others. */
  int weight();

  /**
   * A score from 0 to {@link #MAX_SCORE} for each of {@code nodes}, at the same index. Scores may
   * be relative to the other candidates (normalized), so all candidates are scored in one call.
   */
  int[] score(PodInfo pod, List<NodeInfo> nodes);

  /** The same by node name, for a pod whose {@link PodInfo} is not at hand. */
  default Map<String, Integer> score(Pod pod, List<NodeInfo> nodes) {
    int[] scores = score(PodInfo.of(pod), nodes);
    Map<String, Integer> byName = new HashMap<>();
    for (int i = 0; i < scores.length; i++) {
      byName.put(nodes.get(i).name(), scores[i]);
    }
    return byName;
  }
}
