package io.cetus.scheduler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

import io.cetus.scheduler.cache.NodeInfo;
import io.cetus.scheduler.cache.PodInfo;
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
 * the best, as Kubernetes does, so equal nodes share the load.
 *
 * <p>In a large cluster not every node is looked at, as in kube-scheduler ({@code
 * percentageOfNodesToScore}): filtering stops once {@link #feasibleNodesToFind} nodes fit, and the
 * next pod starts where this one stopped, so the load goes round every node. Clusters of fewer than
 * {@value #MIN_FEASIBLE_NODES_TO_FIND} nodes are always looked at whole. A pod that fits nowhere
 * has been tried against every node.
 *
 * <p>Not thread-safe (the rotating start): one scheduling thread uses it.
 */
final class SchedulingAlgorithm {

  /** Below this many nodes, every node is filtered and scored. */
  static final int MIN_FEASIBLE_NODES_TO_FIND = 100;

  /** The least share of the nodes scored when the share adapts to the cluster's size. */
  static final int MIN_PERCENTAGE_OF_NODES_TO_SCORE = 5;

  private final NodeFilter[] filters;
  private final List<NodeScorer> scorers;
  private final RandomGenerator random;
  private final int percentageOfNodesToScore;
  private int nextStartIndex;

  /**
   * @param percentageOfNodesToScore the share of nodes, once there are at least {@value
   *     #MIN_FEASIBLE_NODES_TO_FIND}, to find feasible before scoring; 0 adapts it to the size of
   *     the cluster as kube-scheduler does (50 % less 1 % per 125 nodes, at least 5 %); 100 looks
   *     at every node
   */
  SchedulingAlgorithm(
      List<NodeFilter> filters,
      List<NodeScorer> scorers,
      RandomGenerator random,
      int percentageOfNodesToScore) {
    if (percentageOfNodesToScore < 0 || percentageOfNodesToScore > 100) {
      throw new IllegalArgumentException(
          "percentageOfNodesToScore must be 0 to 100, got " + percentageOfNodesToScore);
    }
    this.filters = filters.toArray(NodeFilter[]::new);
    this.scorers = List.copyOf(scorers);
    this.random = random;
    this.percentageOfNodesToScore = percentageOfNodesToScore;
  }

  /**
   * Cordoned, NotReady and tainted nodes first, then node selector, host ports and resources;
   * scored to spread siblings (weight 2) and then by least allocation (weight 1).
   */
  static SchedulingAlgorithm withDefaults(RandomGenerator random) {
    return withDefaults(random, 0);
  }

  static SchedulingAlgorithm withDefaults(RandomGenerator random, int percentageOfNodesToScore) {
    return new SchedulingAlgorithm(
        List.of(
            new NodeUnschedulableFilter(),
            new NodeReadyFilter(),
            new TaintTolerationFilter(),
            new NodeSelectorFilter(),
            new HostPortFilter(),
            new NodeResourcesFitFilter()),
        List.of(new SpreadScorer(), new LeastAllocatedScorer()),
        random,
        percentageOfNodesToScore);
  }

  ScheduleResult schedule(PodInfo pod, List<NodeInfo> nodes) {
    int count = nodes.size();
    if (count == 0) {
      return new ScheduleResult.Unschedulable("no nodes available to schedule pods");
    }
    int wanted = feasibleNodesToFind(count);
    int start = nextStartIndex % count;
    List<NodeInfo> feasible = new ArrayList<>(Math.min(wanted, count));
    Map<String, Integer> reasons = null;
    int looked = 0;
    while (looked < count && feasible.size() < wanted) {
      NodeInfo node = nodes.get((start + looked) % count);
      looked++;
      FilterResult result = fit(pod, node);
      if (result.fits()) {
        feasible.add(node);
      } else {
        if (reasons == null) {
          reasons = new TreeMap<>();
        }
        for (String reason : result.reasons()) {
          reasons.merge(reason, 1, Integer::sum);
        }
      }
    }
    nextStartIndex = (start + looked) % count;
    if (feasible.isEmpty()) {
      return new ScheduleResult.Unschedulable(
          failureMessage(count, reasons == null ? Map.of() : reasons));
    }
    return new ScheduleResult.Feasible(pickBest(pod, feasible));
  }

  /** How many feasible nodes to find among {@code count} before scoring them. */
  int feasibleNodesToFind(int count) {
    if (count < MIN_FEASIBLE_NODES_TO_FIND || percentageOfNodesToScore >= 100) {
      return count;
    }
    int percentage = percentageOfNodesToScore;
    if (percentage == 0) {
      percentage = Math.max(MIN_PERCENTAGE_OF_NODES_TO_SCORE, 50 - count / 125);
    }
    return Math.max(MIN_FEASIBLE_NODES_TO_FIND, (int) ((long) count * percentage / 100));
  }

  private FilterResult fit(PodInfo pod, NodeInfo node) {
    for (NodeFilter filter : filters) { // an array: no iterator per node
      FilterResult result = filter.filter(pod, node);
      if (!result.fits()) {
        return result;
      }
    }
    return FilterResult.FITS;
  }

  private String pickBest(PodInfo pod, List<NodeInfo> feasible) {
    if (feasible.size() == 1) {
      return feasible.getFirst().name();
    }
    long[] totals = new long[feasible.size()];
    for (NodeScorer scorer : scorers) {
      int[] scores = scorer.score(pod, feasible);
      for (int i = 0; i < totals.length; i++) {
        totals[i] += (long) scores[i] * scorer.weight();
      }
    }
    // reservoir sampling over the best: each of them equally likely, in one pass
    long best = Long.MIN_VALUE;
    int chosen = 0;
    int ties = 0;
    for (int i = 0; i < totals.length; i++) {
      if (totals[i] > best) {
        best = totals[i];
        chosen = i;
        ties = 1;
      } else if (totals[i] == best && random.nextInt(++ties) == 0) {
        chosen = i;
      }
    }
    return feasible.get(chosen).name();
  }

  /** {@code 0/3 nodes are available: 1 Insufficient cpu, 2 node(s) were unschedulable.} */
  private static String failureMessage(int nodeCount, Map<String, Integer> reasons) {
    List<String> counted = new ArrayList<>();
    reasons.forEach((reason, count) -> counted.add(count + " " + reason));
    counted.sort(null);
    return "0/" + nodeCount + " nodes are available: " + String.join(", ", counted) + ".";
  }
}
