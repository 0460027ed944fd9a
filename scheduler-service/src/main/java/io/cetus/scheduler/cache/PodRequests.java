package io.cetus.scheduler.cache;

import io.cetus.api.core.Container;
import io.cetus.api.core.Pod;
import io.cetus.api.core.PodSpec;

/**
 * What a pod asks a node for, as Kubernetes computes it: the sum of its containers' requests plus
 * its sidecars (init containers with {@code restartPolicy: Always}), or the peak of the init phase
 * if that is higher, since ordinary init containers run one at a time before the others.
 */
public final class PodRequests {

  /** Counted for a container that requests no CPU, when spreading load (not when fitting). */
  static final long DEFAULT_MILLI_CPU = 100;

  /** Counted for a container that requests no memory, when spreading load (not when fitting). */
  static final long DEFAULT_MEMORY = 200L * 1024 * 1024;

  private PodRequests() {}

  /** The pod's requests, for fitting it onto a node. */
  public static Resources of(Pod pod) {
    return effective(pod, false);
  }

  /**
   * The pod's requests with a default for each container that requests nothing, so that pods
   * without requests still spread by load when nodes are scored.
   */
  public static Resources nonZero(Pod pod) {
    return effective(pod, true);
  }

  private static Resources effective(Pod pod, boolean nonZero) {
    PodSpec spec = pod.spec();
    Resources containers = Resources.ZERO;
    for (Container container : spec.containers()) {
      containers = containers.plus(requests(container, nonZero));
    }
    Resources sidecars = Resources.ZERO;
    Resources initPeak = Resources.ZERO;
    for (Container init : spec.initContainers()) {
      Resources own = requests(init, nonZero);
      if (PodSpec.RESTART_ALWAYS.equals(init.restartPolicy())) {
        sidecars = sidecars.plus(own);
        initPeak = initPeak.max(sidecars);
      } else {
        initPeak = initPeak.max(sidecars.plus(own));
      }
    }
    return containers.plus(sidecars).max(initPeak);
  }

  private static Resources requests(Container container, boolean nonZero) {
    Resources requests = Resources.of(container.resources().requests());
    if (!nonZero) {
      return requests;
    }
    return new Resources(
        requests.milliCpu() == 0 ? DEFAULT_MILLI_CPU : requests.milliCpu(),
        requests.memory() == 0 ? DEFAULT_MEMORY : requests.memory());
  }
}
