package io.cetus.nodeagent.web;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.cetus.api.core.Container;
import io.cetus.api.core.Pod;
import io.cetus.api.errors.ApiException;

/**
 * Which container of a pod a {@code log}, {@code exec} or {@code attach} request means, by
 * Kubernetes' rules: the named one, which must be one of the pod's containers or init containers,
 * or, when none is named, the only container; with several, the request is refused with the
 * choices.
 */
final class PodContainerNames {

  private PodContainerNames() {}

  static String resolve(Pod pod, @Nullable String requested) {
    List<String> names = new ArrayList<>();
    pod.spec().initContainers().stream().map(Container::name).forEach(names::add);
    pod.spec().containers().stream().map(Container::name).forEach(names::add);
    if (requested == null || requested.isEmpty()) {
      if (pod.spec().containers().size() == 1) {
        return pod.spec().containers().getFirst().name();
      }
      throw ApiException.badRequest(
          "a container name must be specified for pod "
              + pod.metadata().name()
              + ", choose one of: "
              + names);
    }
    if (!names.contains(requested)) {
      throw ApiException.badRequest(
          "container " + requested + " is not valid for pod " + pod.metadata().name());
    }
    return requested;
  }

  /** The spec of a resolved container name. */
  static Container container(Pod pod, String name) {
    return java.util.stream.Stream.concat(
            pod.spec().initContainers().stream(), pod.spec().containers().stream())
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow();
  }
}
