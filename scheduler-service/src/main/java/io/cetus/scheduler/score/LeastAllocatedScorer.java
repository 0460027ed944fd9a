package io.cetus.scheduler.score;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.cetus.api.core.Pod;
import io.cetus.scheduler.cache.NodeInfo;
import io.cetus.scheduler.cache.PodRequests;
import io.cetus.scheduler.cache.Resources;

/**
 * Prefers the nodes with the most room left once the pod is placed: the mean of the free CPU and
 * free memory fractions, each from 0 to 100. Containers without requests count as a small default
 * request here, so pods without requests spread by load too.
 */
public final class LeastAllocatedScorer implements NodeScorer {

  static final int WEIGHT = 1;

  @Override
  public int weight() {
    return WEIGHT;
  }

  @Override
  public Map<String, Integer> score(Pod pod, List<NodeInfo> nodes) {
    Resources wanted = PodRequests.nonZero(pod);
    Map<String, Integer> scores = new HashMap<>();
    for (NodeInfo node : nodes) {
      Resources allocatable = node.allocatable();
      Resources after = node.nonZeroRequested().plus(wanted);
      long cpu = free(after.milliCpu(), allocatable.milliCpu());
      long memory = free(after.memory(), allocatable.memory());
      scores.put(node.name(), (int) ((cpu + memory) / 2));
    }
    return scores;
  }

  private static long free(long requested, long capacity) {
    if (capacity <= 0 || requested >= capacity) {
      return 0;
    }
    return (capacity - requested) * MAX_SCORE / capacity;
  }
}
