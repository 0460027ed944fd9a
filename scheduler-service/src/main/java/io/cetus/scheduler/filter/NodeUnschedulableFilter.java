package io.cetus.scheduler.filter;

import io.cetus.api.core.Taint;
import io.cetus.scheduler.cache.NodeInfo;
import io.cetus.scheduler.cache.PodInfo;

/**
 * Keeps pods off cordoned nodes ({@code spec.unschedulable}), unless they tolerate the {@code
 * node.kubernetes.io/unschedulable} taint such nodes stand for, as DaemonSet pods do.
 */
public final class NodeUnschedulableFilter implements NodeFilter {

  static final String REASON = "node(s) were unschedulable";
  static final Taint UNSCHEDULABLE =
      new Taint("node.kubernetes.io/unschedulable", null, Tolerations.NO_SCHEDULE, null);

  @Override
  public FilterResult filter(PodInfo podInfo, NodeInfo node) {
    return !node.unschedulable() || Tolerations.tolerates(podInfo.pod(), UNSCHEDULABLE)
        ? FilterResult.FITS
        : FilterResult.unfit(REASON);
  }
}
