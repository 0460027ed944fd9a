package io.cetus.scheduler.filter;

import io.cetus.api.core.Pod;
import io.cetus.scheduler.cache.NodeInfo;

/**
 * Decides whether a pod may run on a node, for one concern. Stateless and thread-safe; called for
 * every node a pod is scheduled against, so it must be cheap and must not call the API.
 */
public interface NodeFilter {

  /** {@link FilterResult#FITS}, or the reasons the pod cannot run on {@code node}. */
  FilterResult filter(Pod pod, NodeInfo node);
}
