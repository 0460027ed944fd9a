package io.cetus.scheduler.filter;

import io.cetus.scheduler.cache.HostPort;
import io.cetus.scheduler.cache.NodeInfo;
import io.cetus.scheduler.cache.PodInfo;

/** Keeps pods off nodes where another pod already holds one of the host ports they need. */
public final class HostPortFilter implements NodeFilter {

  static final String REASON = "node(s) didn't have free ports for the requested pod ports";

  @Override
  public FilterResult filter(PodInfo podInfo, NodeInfo node) {
    if (podInfo.hostPorts().isEmpty() || node.usedPorts().isEmpty()) {
      return FilterResult.FITS;
    }
    for (HostPort wanted : podInfo.hostPorts()) {
      for (HostPort used : node.usedPorts()) {
        if (wanted.conflictsWith(used)) {
          return FilterResult.unfit(REASON);
        }
      }
    }
    return FilterResult.FITS;
  }
}
