package io.cetus.api.resource;

import java.util.List;
import java.util.Set;

/**
 * One kind the API serves, with what discovery, paths and errors need to know about it: {@code
 * pods} in group {@code ""} version {@code v1}, namespaced, short name {@code po}, category {@code
 * all}, subresource {@code status}.
 *
 * @param group API group, {@code ""} for the core group
 * @param plural the resource name in paths, e.g. {@code deployments}
 * @param subresources the subresources served besides the object itself, e.g. {@code status}
 */
public record ResourceType(
    String group,
    String version,
    String kind,
    String plural,
    boolean namespaced,
    List<String> shortNames,
    List<String> categories,
    Set<String> subresources) {

  public ResourceType {
    shortNames = List.copyOf(shortNames);
    categories = List.copyOf(categories);
    subresources = Set.copyOf(subresources);
  }

  /** {@code v1} or {@code apps/v1}, as in an object's {@code apiVersion}. */
  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /** The lower-cased kind, as Kubernetes names it in discovery. */
  public String singular() {
    return kind.toLowerCase(java.util.Locale.ROOT);
  }

  /** {@code pods} or {@code deployments.apps}: how errors name the resource. */
  public String qualifiedPlural() {
    return group.isEmpty() ? plural : plural + "." + group;
  }

  /** {@code /api/v1} or {@code /apis/apps/v1}. */
  public String groupVersionPath() {
    return group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
  }

  public String listKind() {
    return kind + "List";
  }

  public boolean hasSubresource(String name) {
    return subresources.contains(name);
  }
}
