package io.cetus.objectstore.service;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.cetus.api.errors.ApiException;
import io.cetus.api.resource.ResourceType;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks that a decoded body has the JSON shape Kubernetes' typed decoding would accept for its
 * type information and metadata: the fields this server reads itself. A wrong type is a 400 naming
 * the field, as Kubernetes answers a body that does not unmarshal; the values themselves are
 * admission's business. {@code null} where an object or list is allowed counts as absent and is
 * removed.
 */
public final class MetadataShape {

  private static final List<String> STRING_FIELDS =
      List.of(
          "name",
          "generateName",
          "namespace",
          "uid",
          "resourceVersion",
          "creationTimestamp",
          "deletionTimestamp",
          "selfLink");

  private MetadataShape() {}

  /**
   * Checks {@code kind}, {@code apiVersion} and {@code metadata} of a body meant for {@code type}
   * and fills in the type information when it is missing.
   *
   * @throws ApiException 400 for a wrong JSON type or a kind or apiVersion of another type
   */
  public static void checkObject(ResourceType type, ObjectNode body) {
    checkTypeMeta(body, type.apiVersion(), type.kind());
    checkMetadata(body);
  }

  /**
   * Checks and fills in the type information of a body that must be {@code apiVersion}/{@code
   * kind}, such as a {@code Scale} or a {@code Binding}.
   */
  public static void checkTypeMeta(ObjectNode body, String apiVersion, String kind) {
    String bodyKind = typeField(body, "kind");
    String bodyApiVersion = typeField(body, "apiVersion");
    if (bodyKind != null && !bodyKind.isEmpty() && !bodyKind.equals(kind)) {
      throw ApiException.badRequest(
          "the kind of the provided object ("
              + bodyKind
              + ") does not match the kind served at this path ("
              + kind
              + ")");
    }
    if (bodyApiVersion != null && !bodyApiVersion.isEmpty() && !bodyApiVersion.equals(apiVersion)) {
      throw ApiException.badRequest(
          "the API version in the data ("
              + bodyApiVersion
              + ") does not match the expected API version ("
              + apiVersion
              + ")");
    }
    body.put("apiVersion", apiVersion);
    body.put("kind", kind);
  }

  /** Checks the JSON types of {@code metadata}; removes it when it is null. */
  public static void checkMetadata(ObjectNode body) {
    JsonNode metadata = body.get("metadata");
    if (metadata == null || metadata.isNull()) {
      body.remove("metadata");
      return;
    }
    if (!(metadata instanceof ObjectNode meta)) {
      throw wrongType("metadata", "an object", metadata);
    }
    for (String field : STRING_FIELDS) {
      JsonNode value = meta.get(field);
      if (value != null && !value.isNull() && !value.isString()) {
        throw wrongType("metadata." + field, "a string", value);
      }
    }
    for (String field : List.of("generation", "deletionGracePeriodSeconds")) {
      JsonNode value = meta.get(field);
      if (value != null && !value.isNull() && !value.isIntegralNumber()) {
        throw wrongType("metadata." + field, "an integer", value);
      }
    }
    stringMap(meta, "labels");
    stringMap(meta, "annotations");
    JsonNode finalizers = nullAsAbsent(meta, "finalizers");
    if (finalizers != null) {
      if (!finalizers.isArray()) {
        throw wrongType("metadata.finalizers", "a list of strings", finalizers);
      }
      int i = 0;
      for (JsonNode value : finalizers) {
        if (!value.isString()) {
          throw wrongType("metadata.finalizers[" + i + "]", "a string", value);
        }
        i++;
      }
    }
    JsonNode owners = nullAsAbsent(meta, "ownerReferences");
    if (owners != null) {
      checkOwnerReferences(owners);
    }
    JsonNode managedFields = meta.get("managedFields");
    if (managedFields != null && !managedFields.isNull() && !managedFields.isArray()) {
      throw wrongType("metadata.managedFields", "a list", managedFields);
    }
  }

  private static void checkOwnerReferences(JsonNode owners) {
    if (!owners.isArray()) {
      throw wrongType("metadata.ownerReferences", "a list of objects", owners);
    }
    int i = 0;
    for (JsonNode owner : owners) {
      String at = "metadata.ownerReferences[" + i + "]";
      if (!owner.isObject()) {
        throw wrongType(at, "an object", owner);
      }
      for (String field : List.of("apiVersion", "kind", "name", "uid")) {
        JsonNode value = owner.get(field);
        if (value != null && !value.isNull() && !value.isString()) {
          throw wrongType(at + "." + field, "a string", value);
        }
      }
      for (String field : List.of("controller", "blockOwnerDeletion")) {
        JsonNode value = owner.get(field);
        if (value != null && !value.isNull() && !value.isBoolean()) {
          throw wrongType(at + "." + field, "a boolean", value);
        }
      }
      i++;
    }
  }

  private static void stringMap(ObjectNode meta, String field) {
    JsonNode map = nullAsAbsent(meta, field);
    if (map == null) {
      return;
    }
    if (!(map instanceof ObjectNode entries)) {
      throw wrongType("metadata." + field, "a map of strings", map);
    }
    for (Map.Entry<String, JsonNode> entry : entries.properties()) {
      if (!entry.getValue().isString() && !entry.getValue().isNull()) {
        throw wrongType("metadata." + field + "." + entry.getKey(), "a string", entry.getValue());
      }
    }
    // a null value decodes to the empty string in Kubernetes' map[string]string
    for (Map.Entry<String, JsonNode> entry : List.copyOf(entries.properties())) {
      if (entry.getValue().isNull()) {
        entries.put(entry.getKey(), "");
      }
    }
  }

  private static @Nullable JsonNode nullAsAbsent(ObjectNode node, String field) {
    JsonNode value = node.get(field);
    if (value != null && value.isNull()) {
      node.remove(field);
      return null;
    }
    return value;
  }

  private static @Nullable String typeField(ObjectNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isString()) {
      throw wrongType(field, "a string", value);
    }
    return value.stringValue();
  }

  static ApiException wrongType(String field, String expected, JsonNode actual) {
    return ApiException.badRequest(
        "the request body does not decode: "
            + field
            + " must be "
            + expected
            + ", not "
            + describe(actual));
  }

  private static String describe(JsonNode node) {
    if (node.isObject()) {
      return "an object";
    }
    if (node.isArray()) {
      return "a list";
    }
    if (node.isString()) {
      return "a string";
    }
    if (node.isNumber()) {
      return "a number";
    }
    if (node.isBoolean()) {
      return "a boolean";
    }
    return "null";
  }
}
