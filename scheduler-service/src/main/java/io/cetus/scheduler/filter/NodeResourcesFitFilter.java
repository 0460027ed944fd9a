package io.cetus.scheduler.filter;

import java.util.ArrayList;
import java.util.List;

import io.cetus.scheduler.cache.NodeInfo;
import io.cetus.scheduler.cache.PodInfo;
import io.cetus.scheduler.cache.Resources;

/**
 * Keeps pods off nodes without room: the requests of the pods already there plus this pod's must
 * stay within the node's allocatable CPU and memory, and the pod count within its allocatable
 * {@code pods}. Reports every resource that is short.
 */
public final class NodeResourcesFitFilter implements NodeFilter {

  static final String TOO_MANY_PODS = "Too many pods";
  static final String INSUFFICIENT_CPU = "Insufficient cpu";
  static final String INSUFFICIENT_MEMORY = "Insufficient memory";

  @Override
  public FilterResult filter(PodInfo podInfo, NodeInfo node) {
    boolean tooMany = node.pods().size() + 1 > node.allocatablePods();
    Resources wanted = podInfo.requests();
    Resources allocatable = node.allocatable();
    Resources requested = node.requested();
    boolean cpuShort =
        wanted.milliCpu() > 0 && requested.milliCpu() + wanted.milliCpu() > allocatable.milliCpu();
    boolean memoryShort =
        wanted.memory() > 0 && requested.memory() + wanted.memory() > allocatable.memory();
    if (!tooMany && !cpuShort && !memoryShort) {
      return FilterResult.FITS;
    }
    List<String> reasons = new ArrayList<>();
    if (tooMany) {
      reasons.add(TOO_MANY_PODS);
    }
    if (cpuShort) {
      reasons.add(INSUFFICIENT_CPU);
    }
    if (memoryShort) {
      reasons.add(INSUFFICIENT_MEMORY);
    }
    return new FilterResult(reasons);
  }
}
