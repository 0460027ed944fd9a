package io.cetus.scheduler;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

import io.cetus.api.core.Pod;
import io.cetus.scheduler.cache.NodeInfo;
import io.cetus.scheduler.filter.FilterResult;
import io.cetus.scheduler.filter.HostPortFilter;
import io.cetus.scheduler.filter.NodeFilter;
import io.cetus.scheduler.filter.NodeReadyFilter;
import io.cetus.scheduler.filter.NodeResourcesFitFilter;
import io.cetus.scheduler.filter.NodeSelectorFilter;
import io.cetus.scheduler.filter.NodeUnschedulableFilter;
import io.cetus.scheduler.filter.TaintTolerationFilter;
import io.cetus.scheduler.score.LeastAllocatedScorer;
import io.cetus.scheduler.score.NodeScorer;
import io.cetus.scheduler.score.SpreadScorer;

/**
 * Picks a node for a pod: the filters, in order, rule nodes out (a node's first failing filter
 * gives its reasons); the scorers rank the rest by weighted sum; a node is drawn at random among
 * the best, as Kubernetes does, so equal nodes share the load. Thread-safe if the random generator
 * is.
 */
final class SchedulingAlgorithm {

  private final List<NodeFilter> filters;
  private final List<NodeScorer> scorers;
  private final RandomGenerator random;

  SchedulingAlgorithm(List<NodeFilter> filters, List<NodeScorer> scorers, RandomGenerator random) {
    this.filters = List.copyOf(filters);
    this.scorers = List.copyOf(scorers);
    this.random = random;
  }

  /**
   * Cordoned, NotReady and tainted nodes first, then node selector, host ports and resources;
   * scored to spread siblings (weight 2) and then by least allocation (weight 1).
   */
  static SchedulingAlgorithm withDefaults(RandomGenerator random) {
    return new SchedulingAlgorithm(
        List.of(
            new NodeUnschedulableFilter(),
            new NodeReadyFilter(),
            new TaintTolerationFilter(),
            new NodeSelectorFilter(),
            new HostPortFilter(),
            new NodeResourcesFitFilter()),
        List.of(new SpreadScorer(), new LeastAllocatedScorer()),
        random);
  }

  ScheduleResult schedule(Pod pod, Collection<NodeInfo> nodes) {
    if (nodes.isEmpty()) {
      return new ScheduleResult.Unschedulable("no nodes available to schedule pods");
    }
    List<NodeInfo> feasible = new ArrayList<>();
    Map<String, Integer> reasons = new TreeMap<>();
    for (NodeInfo node : nodes) {
      FilterResult result = fit(pod, node);
      if (result.fits()) {
        feasible.add(node);
      } else {
        result.reasons().forEach(reason -> reasons.merge(reason, 1, Integer::sum));
      }
    }
    if (feasible.isEmpty()) {
      return new ScheduleResult.Unschedulable(failureMessage(nodes.size(), reasons));
    }
    return new ScheduleResult.Feasible(pickBest(pod, feasible));
  }

  private FilterResult fit(Pod pod, NodeInfo node) {
    for (NodeFilter filter : filters) {
      FilterResult result = filter.filter(pod, node);
      if (!result.fits()) {
        return result;
      }
    }
    return FilterResult.FITS;
  }

  private String pickBest(Pod pod, List<NodeInfo> feasible) {
    if (feasible.size() == 1) {
      return feasible.getFirst().name();
    }
    Map<String, Long> totals = new TreeMap<>();
    feasible.forEach(node -> totals.put(node.name(), 0L));
    for (NodeScorer scorer : scorers) {
      scorer
          .score(pod, feasible)
          .forEach((node, score) -> totals.merge(node, (long) score * scorer.weight(), Long::sum));
    }
    long best = totals.values().stream().mapToLong(Long::longValue).max().orElse(0);
    List<String> bestNodes =
        totals.entrySet().stream()
            .filter(e -> e.getValue() == best)
            .map(Map.Entry::getKey)
            .toList();
    return bestNodes.get(random.nextInt(bestNodes.size()));
  }

  /** {@code 0/3 nodes are available: 1 Insufficient cpu, 2 node(s) were unschedulable.} */
  private static String failureMessage(int nodeCount, Map<String, Integer> reasons) {
    List<String> counted = new ArrayList<>();
    reasons.forEach((reason, count) -> counted.add(count + " " + reason));
    counted.sort(null);
    return "0/" + nodeCount + " nodes are available: " + String.join(", ", counted) + ".";
  }
}
