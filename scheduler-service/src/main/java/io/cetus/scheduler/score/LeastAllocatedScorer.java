package io.cetus.scheduler.score;

import java.util.List;

import io.cetus.scheduler.cache.NodeInfo;
import io.cetus.scheduler.cache.PodInfo;
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
  public int[] score(PodInfo pod, List<NodeInfo> nodes) {
    Resources wanted = pod.nonZeroRequests();
    int[] scores = new int[nodes.size()];
    for (int i = 0; i < scores.length; i++) {
      NodeInfo node = nodes.get(i);
      Resources allocatable = node.allocatable();
      Resources requested = node.nonZeroRequested();
      long cpu = free(requested.milliCpu() + wanted.milliCpu(), allocatable.milliCpu());
      long memory = free(requested.memory() + wanted.memory(), allocatable.memory());
      scores[i] = (int) ((cpu + memory) / 2);
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
