package io.cetus.scheduler.filter;

import io.cetus.api.core.NodeCondition;
import io.cetus.api.core.Pod;
import io.cetus.api.meta.Condition;
import io.cetus.scheduler.cache.NodeInfo;

/** Keeps pods off nodes whose {@code Ready} condition is not {@code True}. */
public final class NodeReadyFilter implements NodeFilter {

  static final String REASON = "node(s) were not ready";

  @Override
  public FilterResult filter(Pod pod, NodeInfo node) {
    return Condition.holds(node.node().status().conditions(), NodeCondition.READY)
        ? FilterResult.FITS
        : FilterResult.unfit(REASON);
  }
}
