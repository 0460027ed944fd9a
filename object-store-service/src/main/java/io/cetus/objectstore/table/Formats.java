package io.cetus.objectstore.table;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/** Reading JSON objects and formatting values the way kubectl's columns show them. */
final class Formats {

  static final String NONE = "<none>";

  private Formats() {}

  /** The text at {@code path} ({@code /status/phase}), or {@code ""}. */
  static String text(JsonNode object, String path) {
    JsonNode node = object.at(path);
    return node.isValueNode() && !node.isNull() ? node.asString() : "";
  }

  static String textOr(JsonNode object, String path, String fallback) {
    String text = text(object, path);
    return text.isEmpty() ? fallback : text;
  }

  /** The integer at {@code path}, or 0. */
  static long number(JsonNode object, String path) {
    JsonNode node = object.at(path);
    return node.isNumber() ? node.longValue() : 0;
  }

  /** The time at {@code path} (RFC 3339), or null when absent or unreadable. */
  static @Nullable Instant time(JsonNode object, String path) {
    String text = text(object, path);
    if (text.isEmpty()) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** {@code 5m} since {@code since}; {@code <unknown>} without a time. */
  static String since(@Nullable Instant since, Instant now) {
    return since == null ? "<unknown>" : HumanDuration.format(Duration.between(since, now));
  }

  static String age(JsonNode object, Instant now) {
    return since(time(object, "/metadata/creationTimestamp"), now);
  }

  static String name(JsonNode object) {
    return text(object, "/metadata/name");
  }

  /** The elements of the list at {@code path}; empty when absent. */
  static List<JsonNode> list(JsonNode object, String path) {
    List<JsonNode> list = new ArrayList<>();
    JsonNode node = object.at(path);
    if (node.isArray()) {
      node.forEach(list::add);
    }
    return list;
  }

  /** The number of entries of the object or list at {@code path}. */
  static int size(JsonNode object, String path) {
    JsonNode node = object.at(path);
    return node.isObject() || node.isArray() ? node.size() : 0;
  }

  /** {@code a=1,b=2}, sorted by key; {@code <none>} when empty. */
  static String labels(JsonNode map) {
    Map<String, String> sorted = new TreeMap<>();
    if (map.isObject()) {
      for (Map.Entry<String, JsonNode> entry : map.properties()) {
        sorted.put(entry.getKey(), entry.getValue().asString(""));
      }
    }
    if (sorted.isEmpty()) {
      return NONE;
    }
    List<String> pairs = new ArrayList<>();
    sorted.forEach((key, value) -> pairs.add(key + "=" + value));
    return String.join(",", pairs);
  }

  /**
   * A {@code LabelSelector} as a selector string: {@code app=web,tier in (a,b),!legacy}, the
   * requirements sorted by key; {@code <none>} for an absent or empty selector.
   */
  static String selector(JsonNode selector) {
    Map<String, List<String>> byKey = new TreeMap<>();
    for (Map.Entry<String, JsonNode> label : selector.path("matchLabels").properties()) {
      byKey
          .computeIfAbsent(label.getKey(), k -> new ArrayList<>())
          .add(label.getKey() + "=" + label.getValue().asString(""));
    }
    for (JsonNode expression : selector.path("matchExpressions")) {
      String key = expression.path("key").asString("");
      List<String> values = new ArrayList<>();
      expression.path("values").forEach(value -> values.add(value.asString("")));
      values.sort(null);
      String requirement =
          switch (expression.path("operator").asString("")) {
            case "In" -> key + " in (" + String.join(",", values) + ")";
            case "NotIn" -> key + " notin (" + String.join(",", values) + ")";
            case "Exists" -> key;
            case "DoesNotExist" -> "!" + key;
            default -> key + " " + expression.path("operator").asString("?");
          };
      byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(requirement);
    }
    List<String> requirements = new ArrayList<>();
    byKey.values().forEach(requirements::addAll);
    return requirements.isEmpty() ? NONE : String.join(",", requirements);
  }

  /** The container names of a pod spec, comma-separated. */
  static String containerNames(JsonNode podSpec) {
    return joinContainers(podSpec, "name");
  }

  /** The container images of a pod spec, comma-separated. */
  static String containerImages(JsonNode podSpec) {
    return joinContainers(podSpec, "image");
  }

  private static String joinContainers(JsonNode podSpec, String field) {
    List<String> values = new ArrayList<>();
    podSpec.path("containers").forEach(c -> values.add(c.path(field).asString("")));
    return String.join(",", values);
  }

  /** Whether the status has a condition of {@code type} with status {@code True}. */
  static boolean hasTrueCondition(JsonNode object, String type) {
    for (JsonNode condition : object.path("status").path("conditions")) {
      if (type.equals(condition.path("type").asString(""))
          && "True".equals(condition.path("status").asString(""))) {
        return true;
      }
    }
    return false;
  }
}
