package io.cetus.objectstore.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes the {@code metadata} of objects held as JSON trees. Readers tolerate a missing
 * or oddly typed field (they answer null or empty); shapes are checked once, on the way in, by
 * {@link MetadataShape}.
 */
public final class Meta {

  public static final String FOREGROUND_DELETION = "foregroundDeletion";
  public static final String ORPHAN = "orphan";

  private Meta() {}

  /** The object's metadata, created empty when missing. */
  public static ObjectNode metadata(ObjectNode object) {
    JsonNode metadata = object.get("metadata");
    if (metadata instanceof ObjectNode existing) {
      return existing;
    }
    return object.putObject("metadata");
  }

  public static @Nullable String string(@Nullable JsonNode node, String field) {
    if (node == null) {
      return null;
    }
    JsonNode value = node.get(field);
    return value != null && value.isString() ? value.stringValue() : null;
  }

  /** A string field that counts only when non-empty. */
  public static @Nullable String nonEmpty(@Nullable JsonNode node, String field) {
    String value = string(node, field);
    return value == null || value.isEmpty() ? null : value;
  }

  public static @Nullable String name(ObjectNode object) {
    return nonEmpty(object.get("metadata"), "name");
  }

  public static @Nullable String namespace(ObjectNode object) {
    return nonEmpty(object.get("metadata"), "namespace");
  }

  public static @Nullable String uid(ObjectNode object) {
    return nonEmpty(object.get("metadata"), "uid");
  }

  public static @Nullable String resourceVersion(ObjectNode object) {
    return nonEmpty(object.get("metadata"), "resourceVersion");
  }

  public static @Nullable String deletionTimestamp(ObjectNode object) {
    return nonEmpty(object.get("metadata"), "deletionTimestamp");
  }

  public static boolean isDeleting(ObjectNode object) {
    return deletionTimestamp(object) != null;
  }

  /** {@code metadata.deletionGracePeriodSeconds}, or null when not set. */
  public static @Nullable Long deletionGracePeriodSeconds(ObjectNode object) {
    JsonNode value = object.path("metadata").get("deletionGracePeriodSeconds");
    return value != null && value.isIntegralNumber() ? value.asLong() : null;
  }

  public static long generation(ObjectNode object) {
    JsonNode value = object.path("metadata").get("generation");
    return value != null && value.isIntegralNumber() ? value.asLong() : 0;
  }

  public static Map<String, String> labels(ObjectNode object) {
    return stringMap(object.path("metadata").get("labels"));
  }

  public static Map<String, String> stringMap(@Nullable JsonNode node) {
    Map<String, String> map = new LinkedHashMap<>();
    if (node != null && node.isObject()) {
      for (Map.Entry<String, JsonNode> entry : node.properties()) {
        if (entry.getValue().isString()) {
          map.put(entry.getKey(), entry.getValue().stringValue());
        }
      }
    }
    return map;
  }

  public static List<String> finalizers(ObjectNode object) {
    List<String> finalizers = new ArrayList<>();
    JsonNode node = object.path("metadata").get("finalizers");
    if (node != null && node.isArray()) {
      for (JsonNode value : node) {
        if (value.isString()) {
          finalizers.add(value.stringValue());
        }
      }
    }
    return finalizers;
  }

  /** Replaces the finalizers; an empty list removes the field, as Kubernetes omits it. */
  public static void setFinalizers(ObjectNode object, List<String> finalizers) {
    ObjectNode metadata = metadata(object);
    if (finalizers.isEmpty()) {
      metadata.remove("finalizers");
      return;
    }
    ArrayNode array = metadata.putArray("finalizers");
    finalizers.forEach(array::add);
  }

  /** The owner references, each an object; malformed entries are skipped. */
  public static List<ObjectNode> ownerReferences(ObjectNode object) {
    List<ObjectNode> references = new ArrayList<>();
    JsonNode node = object.path("metadata").get("ownerReferences");
    if (node != null && node.isArray()) {
      for (JsonNode value : node) {
        if (value instanceof ObjectNode reference) {
          references.add(reference);
        }
      }
    }
    return references;
  }

  /** Whether the object looks the same apart from its resourceVersion. */
  public static boolean sameIgnoringResourceVersion(ObjectNode a, ObjectNode b) {
    ObjectNode left = a.deepCopy();
    ObjectNode right = b.deepCopy();
    metadata(left).remove("resourceVersion");
    metadata(right).remove("resourceVersion");
    return left.equals(right);
  }

  /**
   * Whether anything outside {@code metadata}, {@code status}, {@code kind} and {@code apiVersion}
   * differs: the changes that bump {@code metadata.generation}.
   */
  public static boolean specChanged(ObjectNode before, ObjectNode after) {
    return !withoutBookkeeping(before).equals(withoutBookkeeping(after));
  }

  private static ObjectNode withoutBookkeeping(ObjectNode object) {
    return object.deepCopy().without(List.of("metadata", "status", "kind", "apiVersion"));
  }
}
