package io.cetus.scheduler.filter;

import io.cetus.api.core.Pod;
import io.cetus.scheduler.cache.NodeInfo;
import io.cetus.scheduler.cache.PodInfo;

/**
 * Decides whether a pod may run on a node, for one concern. Stateless and thread-safe; called for
 * every node a pod is scheduled against, so it must be cheap (what it needs of the pod is worked
 * out once in the {@link PodInfo}) and must not call the API.
 */
public interface NodeFilter {

  /** {@link FilterResult#FITS}, or the reasons the pod cannot run on {@code node}. */
  FilterResult filter(PodInfo pod, NodeInfo node);

  /** The same for a pod whose {@link PodInfo} is not at hand. */
  default FilterResult filter(Pod pod, NodeInfo node) {
    return filter(PodInfo.of(pod), node);
  }
}
