package io.cetus.objectstore.service;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.cetus.api.errors.ApiException;
import io.cetus.api.errors.StatusCause;
import io.cetus.api.json.Json;
import io.cetus.api.meta.LabelSelector;
import io.cetus.api.resource.ResourceType;
import io.cetus.objectstore.patch.PatchType;
import io.cetus.objectstore.patch.Patcher;
import io.cetus.objectstore.store.ObjectStore;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code scale} subresource of workloads: an {@code autoscaling/v1 Scale} view of {@code
 * spec.replicas}, {@code status.replicas} and the selector (as text). Writing it changes {@code
 * spec.replicas} of the object through a normal update; a resourceVersion in the Scale is a
 * precondition on the object.
 */
@Component
class ScaleSubresource {

  static final String API_VERSION = "autoscaling/v1";
  static final String KIND = "Scale";

  private final ObjectStore store;
  private final Updates updates;
  private final Patcher patcher;

  ScaleSubresource(ObjectStore store, Updates updates, Patcher patcher) {
    this.store = store;
    this.updates = updates;
    this.patcher = patcher;
  }

  ObjectNode get(ResourceType type, @Nullable String namespace, String name) {
    return scaleOf(
        store
            .get(type, namespace, name)
            .orElseThrow(() -> ApiException.notFound(type.qualifiedPlural(), name)));
  }

  ObjectNode replace(
      ResourceType type,
      @Nullable String namespace,
      String name,
      ObjectNode scale,
      WriteOptions options) {
    MetadataShape.checkTypeMeta(scale, API_VERSION, KIND);
    MetadataShape.checkMetadata(scale);
    Identity.requireName(scale, name);
    ObjectNode updated =
        updates.update(
            type,
            namespace,
            name,
            Updates.Scope.MAIN,
            options,
            "update",
            live -> withReplicasOf(live, scale, name));
    return scaleOf(updated);
  }

  ObjectNode patch(
      ResourceType type,
      @Nullable String namespace,
      String name,
      PatchType patchType,
      byte[] body,
      WriteOptions options) {
    ObjectNode updated =
        updates.update(
            type,
            namespace,
            name,
            Updates.Scope.MAIN,
            options,
            "patch",
            live -> {
              ObjectNode patched = patcher.apply(type, scaleOf(live), patchType, body);
              MetadataShape.checkTypeMeta(patched, API_VERSION, KIND);
              MetadataShape.checkMetadata(patched);
              Identity.requireName(patched, name);
              return withReplicasOf(live, patched, name);
            });
    return scaleOf(updated);
  }

  private static ObjectNode withReplicasOf(ObjectNode live, ObjectNode scale, String name) {
    JsonNode replicas = scale.path("spec").get("replicas");
    long count = 0;
    if (replicas != null && !replicas.isNull()) {
      if (!replicas.isIntegralNumber()
          || replicas.asLong() < 0
          || replicas.asLong() > Integer.MAX_VALUE) {
        throw ApiException.invalid(
            KIND,
            name,
            List.of(
                StatusCause.invalid(
                    "spec.replicas", replicas.toString(), "must be greater than or equal to 0")));
      }
      count = replicas.asLong();
    }
    ObjectNode spec =
        live.get("spec") instanceof ObjectNode existing ? existing : live.putObject("spec");
    spec.put("replicas", count);
    String version = Meta.resourceVersion(scale);
    if (version != null) {
      Meta.metadata(live).put("resourceVersion", version);
    }
    String uid = Meta.uid(scale);
    if (uid != null) {
      Meta.metadata(live).put("uid", uid);
    }
    return live;
  }

  static ObjectNode scaleOf(ObjectNode object) {
    ObjectNode scale = Json.mapper().createObjectNode();
    scale.put("kind", KIND);
    scale.put("apiVersion", API_VERSION);
    ObjectNode metadata = scale.putObject("metadata");
    ObjectNode source = Meta.metadata(object);
    for (String field :
        List.of("name", "namespace", "uid", "resourceVersion", "creationTimestamp")) {
      JsonNode value = source.get(field);
      if (value != null) {
        metadata.set(field, value.deepCopy());
      }
    }
    JsonNode replicas = object.path("spec").get("replicas");
    scale
        .putObject("spec")
        .put("replicas", replicas != null && replicas.isIntegralNumber() ? replicas.asInt() : 0);
    ObjectNode status = scale.putObject("status");
    JsonNode current = object.path("status").get("replicas");
    status.put("replicas", current != null && current.isIntegralNumber() ? current.asInt() : 0);
    status.put("selector", selectorText(object.path("spec").get("selector")));
    return scale;
  }

  private static String selectorText(@Nullable JsonNode selector) {
    if (selector == null || !selector.isObject()) {
      return "";
    }
    try {
      return Json.mapper().treeToValue(selector, LabelSelector.class).toSelector().toString();
    } catch (JacksonException | ApiException e) {
      return "";
    }
  }
}
