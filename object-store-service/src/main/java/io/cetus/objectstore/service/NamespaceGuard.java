package io.cetus.objectstore.service;

import java.util.List;

import org.springframework.stereotype.Component;

import io.cetus.api.errors.ApiException;
import io.cetus.api.errors.Reason;
import io.cetus.api.errors.Status;
import io.cetus.api.errors.StatusCause;
import io.cetus.api.errors.StatusDetails;
import io.cetus.api.resource.ResourceType;
import io.cetus.api.resource.ResourceTypes;
import io.cetus.objectstore.store.ObjectStore;

import tools.jackson.databind.node.ObjectNode;

/** Admits new content only into namespaces that exist and are not being terminated. */
@Component
class NamespaceGuard {

  private final ObjectStore store;

  NamespaceGuard(ObjectStore store) {
    this.store = store;
  }

  /**
   * @throws ApiException 404 when the namespace does not exist, 403 when it is terminating
   */
  void requireOpenForCreate(String namespace, ResourceType type, String objectName) {
    ObjectNode ns =
        store
            .get(ResourceTypes.NAMESPACES, null, namespace)
            .orElseThrow(
                () -> ApiException.notFound(ResourceTypes.NAMESPACES.qualifiedPlural(), namespace));
    boolean terminating =
        Meta.isDeleting(ns) || "Terminating".equals(Meta.string(ns.get("status"), "phase"));
    if (terminating) {
      String message =
          "unable to create new content in namespace "
              + namespace
              + " because it is being terminated";
      throw new ApiException(
          Status.failure(
              Reason.FORBIDDEN,
              message,
              new StatusDetails(
                  objectName,
                  type.group(),
                  type.plural(),
                  null,
                  List.of(new StatusCause("NamespaceTerminating", message, "metadata.namespace")),
                  null)));
    }
  }
}
