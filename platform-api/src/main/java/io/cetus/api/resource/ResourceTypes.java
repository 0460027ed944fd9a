package io.cetus.api.resource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The kinds Cetus serves, in discovery order (the order {@code kubectl get all} prints them). The
 * one registry of built-in kinds: the object store, the clients and the OpenAPI documents all read
 * it, so a new kind is added here once.
 */
public final class ResourceTypes {

  public static final ResourceType NAMESPACES =
      core("Namespace", "namespaces", false, List.of("ns"), List.of(), Set.of("status"));
  public static final ResourceType PODS =
      core(
          "Pod",
          "pods",
          true,
          List.of("po"),
          List.of("all"),
          Set.of("status", "binding", "log", "exec", "attach", "portforward", "eviction"));
  public static final ResourceType SERVICES =
      core("Service", "services", true, List.of("svc"), List.of("all"), Set.of("status"));
  public static final ResourceType NODES =
      core("Node", "nodes", false, List.of("no"), List.of(), Set.of("status"));
  public static final ResourceType EVENTS =
      core("Event", "events", true, List.of("ev"), List.of(), Set.of());
  public static final ResourceType ENDPOINTS =
      core("Endpoints", "endpoints", true, List.of("ep"), List.of(), Set.of());
  public static final ResourceType CONFIG_MAPS =
      core("ConfigMap", "configmaps", true, List.of("cm"), List.of(), Set.of());
  public static final ResourceType SECRETS =
      core("Secret", "secrets", true, List.of(), List.of(), Set.of());
  public static final ResourceType DEPLOYMENTS =
      apps("Deployment", "deployments", List.of("deploy"), Set.of("status", "scale"));
  public static final ResourceType REPLICA_SETS =
      apps("ReplicaSet", "replicasets", List.of("rs"), Set.of("status", "scale"));
  public static final ResourceType DAEMON_SETS =
      apps("DaemonSet", "daemonsets", List.of("ds"), Set.of("status"));
  public static final ResourceType STATEFUL_SETS =
      apps("StatefulSet", "statefulsets", List.of("sts"), Set.of("status", "scale"));
  public static final ResourceType JOBS =
      new ResourceType(
          "batch", "v1", "Job", "jobs", true, List.of(), List.of("all"), Set.of("status"));
  public static final ResourceType CRON_JOBS =
      new ResourceType(
          "batch",
          "v1",
          "CronJob",
          "cronjobs",
          true,
          List.of("cj"),
          List.of("all"),
          Set.of("status"));
  public static final ResourceType LEASES =
      new ResourceType(
          "coordination.k8s.io", "v1", "Lease", "leases", true, List.of(), List.of(), Set.of());

  private static final List<ResourceType> ALL =
      List.of(
          PODS,
          SERVICES,
          DAEMON_SETS,
          DEPLOYMENTS,
          REPLICA_SETS,
          STATEFUL_SETS,
          CRON_JOBS,
          JOBS,
          NAMESPACES,
          NODES,
          EVENTS,
          ENDPOINTS,
          CONFIG_MAPS,
          SECRETS,
          LEASES);

  private static final Map<String, ResourceType> BY_GROUP_AND_PLURAL = new LinkedHashMap<>();
  private static final Map<String, ResourceType> BY_API_VERSION_AND_KIND = new LinkedHashMap<>();

  static {
    for (ResourceType type : ALL) {
      BY_GROUP_AND_PLURAL.put(type.group() + "/" + type.plural(), type);
      BY_API_VERSION_AND_KIND.put(type.apiVersion() + "/" + type.kind(), type);
    }
  }

  private ResourceTypes() {}

  /** Every kind, in discovery order. */
  public static List<ResourceType> all() {
    return ALL;
  }

  /** The kind served at {@code group}/{@code version}/{@code plural}, if any. */
  public static Optional<ResourceType> byPath(String group, String version, String plural) {
    ResourceType type = BY_GROUP_AND_PLURAL.get(group + "/" + plural);
    return type != null && type.version().equals(version) ? Optional.of(type) : Optional.empty();
  }

  /** The kind an object with this {@code apiVersion} and {@code kind} belongs to, if any. */
  public static Optional<ResourceType> byKind(String apiVersion, String kind) {
    return Optional.ofNullable(BY_API_VERSION_AND_KIND.get(apiVersion + "/" + kind));
  }

  /** The API groups with their kinds, core group ({@code ""}) first. */
  public static Map<String, List<ResourceType>> byGroup() {
    Map<String, List<ResourceType>> groups = new LinkedHashMap<>();
    groups.put("", new ArrayList<>());
    for (ResourceType type : ALL) {
      groups.computeIfAbsent(type.group(), g -> new ArrayList<>()).add(type);
    }
    return groups;
  }

  private static ResourceType core(
      String kind,
      String plural,
      boolean namespaced,
      List<String> shortNames,
      List<String> categories,
      Set<String> subresources) {
    return new ResourceType(
        "", "v1", kind, plural, namespaced, shortNames, categories, subresources);
  }

  private static ResourceType apps(
      String kind, String plural, List<String> shortNames, Set<String> subresources) {
    return new ResourceType(
        "apps", "v1", kind, plural, true, shortNames, List.of("all"), subresources);
  }
}
