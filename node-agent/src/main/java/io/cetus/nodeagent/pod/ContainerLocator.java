package io.cetus.nodeagent.pod;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.cetus.api.core.Pod;
import io.cetus.nodeagent.runtime.ContainerRuntime;
import io.cetus.nodeagent.runtime.ContainerStatus;

/**
 * Finds the engine container behind a pod's container, by the labels the agent puts on it: the
 * current instance, or the one before the last restart ({@code kubectl logs --previous}).
 */
public final class ContainerLocator {

  private final String nodeName;
  private final ContainerRuntime runtime;

  public ContainerLocator(String nodeName, ContainerRuntime runtime) {
    this.nodeName = nodeName;
    this.runtime = runtime;
  }

  public Optional<ContainerStatus> find(Pod pod, String container, boolean previous) {
    List<ContainerStatus> instances =
        PodContainers.byName(
                runtime.list(
                    Map.of(
                        PodContainers.NODE,
                        nodeName,
                        PodContainers.POD_UID,
                        PodContainers.uid(pod),
                        PodContainers.CONTAINER,
                        container)))
            .get(container);
    return Optional.ofNullable(
        previous ? PodContainers.previous(instances) : PodContainers.latest(instances));
  }
}
