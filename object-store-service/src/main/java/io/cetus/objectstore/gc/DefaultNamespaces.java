package io.cetus.objectstore.gc;

import java.util.List;

import org.springframework.stereotype.Component;

import io.cetus.api.errors.ApiErrors;
import io.cetus.api.errors.ApiException;
import io.cetus.api.json.Json;
import io.cetus.api.resource.ResourceTypes;
import io.cetus.objectstore.service.ObjectService;
import io.cetus.objectstore.service.WriteOptions;

import tools.jackson.databind.node.ObjectNode;

/**
 * The namespaces every cluster has: {@code default}, {@code kube-system}, {@code kube-public} and
 * {@code kube-node-lease}. Creating them is idempotent and safe when several servers start at once
 * (AlreadyExists is success).
 */
@Component
class DefaultNamespaces {

  static final List<String> NAMES =
      List.of("default", "kube-system", "kube-public", "kube-node-lease");

  private final ObjectService objects;

  DefaultNamespaces(ObjectService objects) {
    this.objects = objects;
  }

  void ensure() {
    for (String name : NAMES) {
      ObjectNode namespace = Json.mapper().createObjectNode();
      namespace.put("apiVersion", "v1");
      namespace.put("kind", "Namespace");
      namespace.putObject("metadata").put("name", name);
      try {
        objects.create(ResourceTypes.NAMESPACES, null, namespace, WriteOptions.NORMAL);
      } catch (ApiException e) {
        if (!ApiErrors.isAlreadyExists(e)) {
          throw e;
        }
      }
    }
  }
}
