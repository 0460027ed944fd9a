package io.cetus.objectstore.store.support;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.cetus.api.errors.ApiException;
import io.cetus.api.json.Json;
import io.cetus.api.resource.ResourceType;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * How the stores address and shape objects. An object lives at (type, namespace, name), where the
 * namespace is {@code ""} for cluster-scoped types; the index orders objects by the member {@code
 * <namespace>/<name>} compared as strings, as etcd orders its keys.
 */
public final class StoredObjects {

  private static final Set<String> TOP_FIELDS = Set.of("apiVersion", "kind", "metadata");

  private StoredObjects() {}

  /** {@code metadata.name}, which must be a non-empty string without {@code /}. */
  public static String name(ObjectNode object) {
    return segment("metadata.name", text(object.path("metadata").path("name")));
  }

  /**
   * The namespace the object is stored under: {@code metadata.namespace} for namespaced types
   * (required), {@code ""} for cluster-scoped ones (whatever the object says).
   */
  public static String namespace(ResourceType type, ObjectNode object) {
    if (!type.namespaced()) {
      return "";
    }
    return segment("metadata.namespace", text(object.path("metadata").path("namespace")));
  }

  /**
   * The namespace to address one object by: required for namespaced types, ignored ({@code ""}) for
   * cluster-scoped ones.
   */
  public static String namespace(ResourceType type, @Nullable String namespace) {
    return type.namespaced() ? segment("namespace", namespace) : "";
  }

  /**
   * The namespace a list or watch is narrowed to, or null for all; always null for cluster-scoped
   * types.
   */
  public static @Nullable String scope(ResourceType type, @Nullable String namespace) {
    return type.namespaced() && namespace != null ? segment("namespace", namespace) : null;
  }

  /** The index member of an object: {@code <namespace>/<name>}. */
  public static String member(String namespace, String name) {
    return namespace + "/" + name;
  }

  /**
   * Rejects a continue position that is not a member, or not one of {@code namespace} when the list
   * is narrowed to one.
   */
  public static void requireContinuationIn(@Nullable String namespace, String continueAfter) {
    int slash = continueAfter.indexOf('/');
    if (slash < 0 || (namespace != null && !continueAfter.substring(0, slash).equals(namespace))) {
      throw ApiException.badRequest("invalid continue position: " + continueAfter);
    }
  }

  /** The namespace an event's object is in, {@code ""} when it has none. */
  public static String namespaceOf(ObjectNode object) {
    String namespace = text(object.path("metadata").path("namespace"));
    return namespace == null ? "" : namespace;
  }

  /**
   * A deep copy of {@code object} shaped as the stores keep it: {@code apiVersion}, {@code kind},
   * then {@code metadata} with {@code resourceVersion} as its first field, then everything else in
   * the original order. The Redis scripts rely on that first {@code resourceVersion} being the
   * object's own, so {@code apiVersion} and {@code kind} must be strings when present.
   */
  public static ObjectNode stamp(ObjectNode object, String resourceVersion) {
    JsonNode metadata = object.path("metadata");
    if (!metadata.isObject()) {
      throw ApiException.badRequest("metadata: Required value: must be an object");
    }
    ObjectNode stamped = Json.mapper().createObjectNode();
    for (String field : List.of("apiVersion", "kind")) {
      JsonNode value = object.get(field);
      if (value != null && !value.isNull()) {
        if (!value.isString()) {
          throw ApiException.badRequest(field + ": Invalid value: must be a string");
        }
        stamped.set(field, value.deepCopy());
      }
    }
    ObjectNode stampedMetadata = stamped.putObject("metadata");
    stampedMetadata.put("resourceVersion", resourceVersion);
    for (Map.Entry<String, JsonNode> field : metadata.properties()) {
      if (!field.getKey().equals("resourceVersion")) {
        stampedMetadata.set(field.getKey(), field.getValue().deepCopy());
      }
    }
    for (Map.Entry<String, JsonNode> field : object.properties()) {
      if (!TOP_FIELDS.contains(field.getKey())) {
        stamped.set(field.getKey(), field.getValue().deepCopy());
      }
    }
    return stamped;
  }

  /** Sets {@code metadata.resourceVersion} of an object the store shaped with {@link #stamp}. */
  public static ObjectNode withResourceVersion(ObjectNode stamped, long revision) {
    ((ObjectNode) stamped.get("metadata")).put("resourceVersion", Long.toString(revision));
    return stamped;
  }

  /** {@code metadata.resourceVersion} as a number, or 0 when absent or not numeric. */
  public static long revisionOf(ObjectNode object) {
    String resourceVersion = text(object.path("metadata").path("resourceVersion"));
    try {
      return resourceVersion == null ? 0 : Long.parseLong(resourceVersion);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static String segment(String field, @Nullable String value) {
    if (value == null || value.isEmpty()) {
      throw ApiException.badRequest(field + ": Required value");
    }
    if (value.indexOf('/') >= 0) {
      throw ApiException.badRequest(
          field + ": Invalid value: \"" + value + "\": may not contain '/'");
    }
    return value;
  }

  private static @Nullable String text(JsonNode node) {
    return node.isString() ? node.stringValue() : null;
  }
}
