package io.cetus.client.http;

import org.jspecify.annotations.Nullable;

import io.cetus.api.errors.ApiException;
import io.cetus.api.resource.ResourceType;

/**
 * The REST paths of one kind: {@code /api/v1/namespaces/{ns}/pods[/{name}[/status]]}, or {@code
 * /api/v1/nodes[/{name}]} for a cluster-scoped kind.
 */
final class ResourcePaths {

  private final ResourceType type;

  ResourcePaths(ResourceType type) {
    this.type = type;
  }

  /** The collection; all namespaces when {@code namespace} is {@code null}. */
  String collection(@Nullable String namespace) {
    if (type.namespaced() && namespace != null && !namespace.isEmpty()) {
      return type.groupVersionPath()
          + "/namespaces/"
          + QueryString.encode(namespace)
          + "/"
          + type.plural();
    }
    return type.groupVersionPath() + "/" + type.plural();
  }

  /** The collection objects of {@code namespace} are created in. */
  String createCollection(@Nullable String namespace) {
    requireNamespace(namespace, "(new)");
    return collection(namespace);
  }

  String object(@Nullable String namespace, String name) {
    if (name.isEmpty()) {
      throw ApiException.badRequest("name is required for " + type.qualifiedPlural());
    }
    requireNamespace(namespace, name);
    return collection(namespace) + "/" + QueryString.encode(name);
  }

  String subresource(@Nullable String namespace, String name, String subresource) {
    return object(namespace, name) + "/" + subresource;
  }

  private void requireNamespace(@Nullable String namespace, String name) {
    if (type.namespaced() && (namespace == null || namespace.isEmpty())) {
      throw ApiException.badRequest(
          "metadata.namespace is required for " + type.qualifiedPlural() + " \"" + name + "\"");
    }
  }
}
