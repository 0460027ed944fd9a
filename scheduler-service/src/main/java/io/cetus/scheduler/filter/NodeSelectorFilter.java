package io.cetus.scheduler.filter;

import java.util.Map;

import io.cetus.api.core.Pod;
import io.cetus.scheduler.cache.NodeInfo;

/** Keeps pods on nodes whose labels carry every entry of the pod's {@code nodeSelector}. */
public final class NodeSelectorFilter implements NodeFilter {

  static final String REASON = "node(s) didn't match Pod's node affinity/selector";

  @Override
  public FilterResult filter(Pod pod, NodeInfo node) {
    Map<String, String> labels = node.node().metadata().labels();
    for (Map.Entry<String, String> wanted : pod.spec().nodeSelector().entrySet()) {
      if (!wanted.getValue().equals(labels.get(wanted.getKey()))) {
        return FilterResult.unfit(REASON);
      }
    }
    return FilterResult.FITS;
  }
}
