package io.cetus.nodeagent.pod;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.cetus.api.core.Pod;
import io.cetus.nodeagent.runtime.ContainerStatus;

/**
 * The labels and names that tie engine containers to pods. Every container the agent starts carries
 * {@code io.cetus.node}, {@code io.cetus.pod-uid}, {@code io.cetus.pod-namespace}, {@code
 * io.cetus.pod-name}, {@code io.cetus.container} ({@code POD} for the sandbox) and {@code
 * io.cetus.restart-count}; its name is {@code cetus_<ns>_<pod>_<container>_<restarts>_<uid
 * prefix>}, so each restart gets a new container and a retried start finds the one it made.
 */
final class PodContainers {

  static final String NODE = "io.cetus.node";
  static final String POD_UID = "io.cetus.pod-uid";
  static final String POD_NAMESPACE = "io.cetus.pod-namespace";
  static final String POD_NAME = "io.cetus.pod-name";
  static final String CONTAINER = "io.cetus.container";
  static final String RESTART_COUNT = "io.cetus.restart-count";

  /** The name of the sandbox in {@link #CONTAINER}; container names are lower case, so no clash. */
  static final String SANDBOX = "POD";

  private PodContainers() {}

  static Map<String, String> labels(String node, Pod pod, String containerName, int restartCount) {
    Map<String, String> labels = new java.util.LinkedHashMap<>();
    labels.put(NODE, node);
    labels.put(POD_UID, uid(pod));
    labels.put(POD_NAMESPACE, namespace(pod));
    labels.put(POD_NAME, Objects.requireNonNull(pod.metadata().name()));
    labels.put(CONTAINER, containerName);
    labels.put(RESTART_COUNT, Integer.toString(restartCount));
    return labels;
  }

  static String name(Pod pod, String containerName, int restartCount) {
    String uid = uid(pod).replace("-", "");
    return "cetus_"
        + namespace(pod)
        + "_"
        + pod.metadata().name()
        + "_"
        + containerName
        + "_"
        + restartCount
        + "_"
        + uid.substring(0, Math.min(8, uid.length()));
  }

  static String uid(Pod pod) {
    return Objects.requireNonNull(pod.metadata().uid(), "pod without uid");
  }

  static String namespace(Pod pod) {
    return Objects.requireNonNullElse(pod.metadata().namespace(), "default");
  }

  static int restartCount(ContainerStatus container) {
    try {
      return Integer.parseInt(container.labels().getOrDefault(RESTART_COUNT, "0"));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** The pod's containers on the engine by container name, oldest instance first. */
  static Map<String, List<ContainerStatus>> byName(List<ContainerStatus> containers) {
    Map<String, List<ContainerStatus>> byName = new HashMap<>();
    for (ContainerStatus container : containers) {
      String name = container.labels().get(CONTAINER);
      if (name != null) {
        byName.computeIfAbsent(name, n -> new ArrayList<>()).add(container);
      }
    }
    byName
        .values()
        .forEach(list -> list.sort(Comparator.comparingInt(PodContainers::restartCount)));
    return byName;
  }

  /**
   * Adds a container the agent has just started to {@code byName} (from {@link #byName}), in its
   * place among the instances of its name; one already there (by id) is replaced.
   */
  static void add(Map<String, List<ContainerStatus>> byName, ContainerStatus container) {
    String name = container.labels().get(CONTAINER);
    if (name == null) {
      return;
    }
    List<ContainerStatus> instances = byName.computeIfAbsent(name, n -> new ArrayList<>());
    instances.removeIf(instance -> instance.id().equals(container.id()));
    instances.add(container);
    instances.sort(Comparator.comparingInt(PodContainers::restartCount));
  }

  static @Nullable ContainerStatus latest(@Nullable List<ContainerStatus> instances) {
    return instances == null || instances.isEmpty() ? null : instances.getLast();
  }

  static @Nullable ContainerStatus previous(@Nullable List<ContainerStatus> instances) {
    return instances == null || instances.size() < 2 ? null : instances.get(instances.size() - 2);
  }
}
