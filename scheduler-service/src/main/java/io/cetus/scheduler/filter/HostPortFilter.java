package io.cetus.scheduler.filter;

import io.cetus.api.core.Pod;
import io.cetus.scheduler.cache.HostPort;
import io.cetus.scheduler.cache.NodeInfo;

/** Keeps pods off nodes where another pod already holds one of the host ports they need. */
public final class HostPortFilter implements NodeFilter {

  static final String REASON = "node(s) didn't have free ports for the requested pod ports";

  @Override
  public FilterResult filter(Pod pod, NodeInfo node) {
    for (HostPort wanted : HostPort.of(pod)) {
      for (HostPort used : node.usedPorts()) {
        if (wanted.conflictsWith(used)) {
          return FilterResult.unfit(REASON);
        }
      }
    }
    return FilterResult.FITS;
  }
}
