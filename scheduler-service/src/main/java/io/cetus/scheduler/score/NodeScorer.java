package io.cetus.scheduler.score;

import java.util.List;
import java.util.Map;

import io.cetus.api.core.Pod;
import io.cetus.scheduler.cache.NodeInfo;

/**
 * Ranks the nodes a pod fits on for one preference. Stateless and thread-safe; must not call the
 * API.
 */
public interface NodeScorer {

  int MAX_SCORE = 100;

  /** How much this preference counts against the others. */
  int weight();

  /**
   * A score from 0 to {@link #MAX_SCORE} for each of {@code nodes}, by node name. Scores may be
   * relative to the other candidates (normalized), so all candidates are scored in one call.
   */
  Map<String, Integer> score(Pod pod, List<NodeInfo> nodes);
}
