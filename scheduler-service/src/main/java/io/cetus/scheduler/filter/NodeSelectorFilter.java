package io.cetus.scheduler.filter;

import java.util.Map;

import io.cetus.scheduler.cache.NodeInfo;
import io.cetus.scheduler.cache.PodInfo;

/** Keeps pods on nodes whose labels carry every entry of the pod's {@code nodeSelector}. */
public final class NodeSelectorFilter implements NodeFilter {

  static final String REASON = "node(s) didn't match Pod's node affinity/selector";

  @Override
  public FilterResult filter(PodInfo podInfo, NodeInfo node) {
    Map<String, String> selector = podInfo.pod().spec().nodeSelector();
    if (selector.isEmpty()) {
      return FilterResult.FITS;
    }
    Map<String, String> labels = node.labels();
    for (Map.Entry<String, String> wanted : selector.entrySet()) {
      if (!wanted.getValue().equals(labels.get(wanted.getKey()))) {
        return FilterResult.unfit(REASON);
      }
    }
    return FilterResult.FITS;
  }
}
