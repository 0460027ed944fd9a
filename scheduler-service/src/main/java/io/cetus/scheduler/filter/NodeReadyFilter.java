package io.cetus.scheduler.filter;

import io.cetus.scheduler.cache.NodeInfo;
import io.cetus.scheduler.cache.PodInfo;

/** Keeps pods off nodes whose {@code Ready} condition is not {@code True}. */
public final class NodeReadyFilter implements NodeFilter {

  static final String REASON = "node(s) were not ready";

  @Override
  public FilterResult filter(PodInfo podInfo, NodeInfo node) {
    return node.ready() ? FilterResult.FITS : FilterResult.unfit(REASON);
  }
}
