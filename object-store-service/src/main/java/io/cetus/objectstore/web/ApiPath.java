package io.cetus.objectstore.web;

import org.jspecify.annotations.Nullable;

import io.cetus.api.resource.ResourceType;

/** What a path under {@code /api} or {@code /apis} addresses; see {@link ApiPathParser}. */
sealed interface ApiPath {

  /** {@code /api}: the core group's versions. */
  record CoreRoot() implements ApiPath {}

  /** {@code /apis}: the named groups. */
  record GroupsRoot() implements ApiPath {}

  /** {@code /apis/{group}}. */
  record Group(String group) implements ApiPath {}

  /** {@code /api/v1} or {@code /apis/{group}/{version}}: the resources of a group version. */
  record GroupVersion(String group, String version) implements ApiPath {}

  /**
   * {@code …/{resource}} or {@code …/namespaces/{ns}/{resource}}.
   *
   * @param namespace null for cluster-scoped kinds, and for lists across all namespaces
   */
  record Collection(ResourceType type, @Nullable String namespace) implements ApiPath {

    boolean allNamespaces() {
      return type.namespaced() && namespace == null;
    }
  }

  /**
   * {@code …/{resource}/{name}[/{subresource}]}, namespaced or not.
   *
   * @param subresource null for the object itself
   */
  record Item(
      ResourceType type, @Nullable String namespace, String name, @Nullable String subresource)
      implements ApiPath {}
}
