package io.cetus.objectstore.service;

import java.util.List;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import io.cetus.api.errors.ApiException;
import io.cetus.api.resource.ResourceType;
import io.cetus.api.resource.ResourceTypes;
import io.cetus.objectstore.patch.PatchType;
import io.cetus.objectstore.store.ObjectStore;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The API's operations on objects, each with Kubernetes' semantics; the one entry point for the web
 * layer and for the server's own background work. Namespaces are those of the URL ({@code null} for
 * cluster-scoped kinds and for lists across all namespaces). Errors are {@link ApiException}s
 * carrying the Status the client gets.
 */
@Service
public class ObjectService {

  private final ObjectStore store;
  private final Creation creation;
  private final Updates updates;
  private final Patching patching;
  private final Deletion deletion;
  private final ListQuery lists;
  private final ScaleSubresource scales;
  private final PodBinding bindings;

  ObjectService(
      ObjectStore store,
      Creation creation,
      Updates updates,
      Patching patching,
      Deletion deletion,
      ListQuery lists,
      ScaleSubresource scales,
      PodBinding bindings) {
    this.store = store;
    this.creation = creation;
    this.updates = updates;
    this.patching = patching;
    this.deletion = deletion;
    this.lists = lists;
    this.scales = scales;
    this.bindings = bindings;
  }

  /**
   * @throws ApiException 404 {@code pods "x" not found}
   */
  public ObjectNode get(ResourceType type, @Nullable String namespace, String name) {
    return store
        .get(type, namespace, name)
        .orElseThrow(() -> ApiException.notFound(type.qualifiedPlural(), name));
  }

  public ListResult list(ResourceType type, @Nullable String namespace, ListOptions options) {
    return lists.list(type, namespace, options);
  }

  /** POST: 404 for a missing namespace, 403 for a terminating one, 409 for a taken name. */
  public ObjectNode create(
      ResourceType type, @Nullable String namespace, ObjectNode body, WriteOptions options) {
    return creation.create(type, namespace, body, options);
  }

  /** PUT of the object: status changes are ignored for kinds with a status subresource. */
  public ObjectNode replace(
      ResourceType type,
      @Nullable String namespace,
      String name,
      ObjectNode body,
      WriteOptions options) {
    return updates.replace(type, namespace, name, Updates.Scope.MAIN, body, options);
  }

  /** PUT of {@code /status}: only status changes count. */
  public ObjectNode replaceStatus(
      ResourceType type,
      @Nullable String namespace,
      String name,
      ObjectNode body,
      WriteOptions options) {
    return updates.replace(type, namespace, name, Updates.Scope.STATUS, body, options);
  }

  public PatchResult patch(
      ResourceType type,
      @Nullable String namespace,
      String name,
      PatchType patchType,
      byte[] body,
      WriteOptions options) {
    return patching.patch(type, namespace, name, Updates.Scope.MAIN, patchType, body, options);
  }

  public PatchResult patchStatus(
      ResourceType type,
      @Nullable String namespace,
      String name,
      PatchType patchType,
      byte[] body,
      WriteOptions options) {
    return patching.patch(type, namespace, name, Updates.Scope.STATUS, patchType, body, options);
  }

  /**
   * DELETE: the object as deleted, or as marked for a deletion that waits for finalizers, a pod's
   * grace period or a namespace's content.
   */
  public ObjectNode delete(
      ResourceType type, @Nullable String namespace, String name, DeleteOptions options) {
    return deletion.delete(type, namespace, name, options);
  }

  /** DELETE of a collection: each object the selection matches, as {@link #delete} answers. */
  public List<ObjectNode> deleteCollection(
      ResourceType type, @Nullable String namespace, Selection selection, DeleteOptions options) {
    return deletion.deleteAll(type, lists.all(type, namespace, selection), options);
  }

  public ObjectNode getScale(ResourceType type, @Nullable String namespace, String name) {
    return scales.get(type, namespace, name);
  }

  public ObjectNode replaceScale(
      ResourceType type,
      @Nullable String namespace,
      String name,
      ObjectNode scale,
      WriteOptions options) {
    return scales.replace(type, namespace, name, scale, options);
  }

  public ObjectNode patchScale(
      ResourceType type,
      @Nullable String namespace,
      String name,
      PatchType patchType,
      byte[] body,
      WriteOptions options) {
    return scales.patch(type, namespace, name, patchType, body, options);
  }

  /** POST {@code pods/x/binding}. */
  public void bind(String namespace, String name, ObjectNode binding, WriteOptions options) {
    bindings.bind(namespace, name, binding, options);
  }

  /**
   * POST {@code pods/x/eviction}: deletes the pod with the eviction's delete options (no disruption
   * budgets are kept here).
   */
  public void evict(String namespace, String name, ObjectNode eviction, WriteOptions options) {
    String apiVersion = Meta.string(eviction, "apiVersion");
    MetadataShape.checkTypeMeta(
        eviction,
        apiVersion != null && !apiVersion.isEmpty() ? apiVersion : "policy/v1",
        "Eviction");
    if (apiVersion != null
        && !apiVersion.isEmpty()
        && !List.of("policy/v1", "policy/v1beta1").contains(apiVersion)) {
      throw ApiException.badRequest(
          "the API version in the data ("
              + Meta.string(eviction, "apiVersion")
              + ") does not match the expected API version (policy/v1)");
    }
    MetadataShape.checkMetadata(eviction);
    Identity.requireName(eviction, name);
    JsonNode requested = eviction.get("deleteOptions");
    DeleteOptions deleteOptions =
        DeleteOptionsReader.read(
            requested instanceof ObjectNode object ? object : null,
            parameter -> parameter.equals("dryRun") && options.dryRun() ? "All" : null);
    deletion.delete(ResourceTypes.PODS, namespace, name, deleteOptions);
  }

  /**
   * Changes what the server itself owns on an object (finalizers, owner references, a namespace's
   * phase) without admission; retried on conflicts. An object whose last finalizer goes while it is
   * being deleted is removed.
   *
   * @throws ApiException 404 when the object is gone
   */
  public ObjectNode updateInternally(
      ResourceType type,
      @Nullable String namespace,
      String name,
      UnaryOperator<ObjectNode> mutation) {
    return updates.updateInternally(type, namespace, name, false, "update", mutation);
  }
}
