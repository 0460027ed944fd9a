package io.cetus.objectstore.service;

import org.jspecify.annotations.Nullable;

import io.cetus.api.errors.ApiException;
import io.cetus.api.resource.ResourceType;

import tools.jackson.databind.node.ObjectNode;

/** Reconciles the name and namespace of a body with those of the URL it was sent to. */
final class Identity {

  private Identity() {}

  /**
   * Puts the object in the namespace of the URL: a namespaced object that names another namespace
   * is refused; a cluster-scoped object has no namespace.
   *
   * @throws ApiException 400 on a mismatch
   */
  static void placeInNamespace(ResourceType type, @Nullable String namespace, ObjectNode object) {
    ObjectNode metadata = Meta.metadata(object);
    if (!type.namespaced() || namespace == null) {
      metadata.remove("namespace");
      return;
    }
    String own = Meta.namespace(object);
    if (own != null && !own.equals(namespace)) {
      throw ApiException.badRequest(
          "the namespace of the provided object does not match the namespace sent on the request");
    }
    metadata.put("namespace", namespace);
  }

  /**
   * Gives the object the name of the URL when it has none.
   *
   * @throws ApiException 400 when it has another one
   */
  static void requireName(ObjectNode object, String name) {
    String own = Meta.name(object);
    if (own != null && !own.equals(name)) {
      throw ApiException.badRequest(
          "the name of the object (" + own + ") does not match the name on the URL (" + name + ")");
    }
    Meta.metadata(object).put("name", name);
  }
}
