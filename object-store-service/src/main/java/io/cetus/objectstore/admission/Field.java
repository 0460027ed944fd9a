package io.cetus.objectstore.admission;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A field of the object under validation: its JSON value (absent when missing or {@code null}) and
 * its path. The typed reads never throw: a value of the wrong JSON type is reported to {@link
 * Problems} as an invalid value naming the field, and read as absent, so validation goes on and
 * reports everything else too.
 */
final class Field {

  private final @Nullable JsonNode node;
  private final FieldPath path;
  private final Problems problems;

  private Field(@Nullable JsonNode node, FieldPath path, Problems problems) {
    this.node = node == null || node.isNull() || node.isMissingNode() ? null : node;
    this.path = path;
    this.problems = problems;
  }

  static Field root(ObjectNode object, Problems problems) {
    return new Field(object, FieldPath.ROOT, problems);
  }

  static Field of(@Nullable JsonNode node, FieldPath path, Problems problems) {
    return new Field(node, path, problems);
  }

  FieldPath path() {
    return path;
  }

  Problems problems() {
    return problems;
  }

  boolean isPresent() {
    return node != null;
  }

  /** The raw value, for messages and comparisons; {@code null} when absent. */
  @Nullable JsonNode node() {
    return node;
  }

  /**
   * A field of this object; absent when this is absent or not an object. Under a value of the wrong
   * type (reported once, here) nothing more is reported: "spec.strategy must be an object" says it
   * all, without "spec.strategy.type: Required value" after it.
   */
  Field child(String name) {
    ObjectNode object = object();
    if (object == null && node != null) {
      return new Field(null, path.child(name), new Problems());
    }
    return new Field(object == null ? null : object.get(name), path.child(name), problems);
  }

  /** Follows several names, e.g. {@code child("spec", "template")}. */
  Field child(String... names) {
    Field field = this;
    for (String name : names) {
      field = field.child(name);
    }
    return field;
  }

  @Nullable ObjectNode object() {
    if (node == null) {
      return null;
    }
    if (node instanceof ObjectNode object) {
      return object;
    }
    problems.wrongType(path, node, "object");
    return null;
  }

  @Nullable String string() {
    if (node == null) {
      return null;
    }
    if (node.isString()) {
      return node.stringValue();
    }
    problems.wrongType(path, node, "string");
    return null;
  }

  /** A string that is absent when empty, as Go's zero value. */
  @Nullable String nonEmptyString() {
    String value = string();
    return value == null || value.isEmpty() ? null : value;
  }

  @Nullable Integer int32() {
    if (node == null) {
      return null;
    }
    if (node.isIntegralNumber() && node.canConvertToInt()) {
      return node.intValue();
    }
    problems.wrongType(path, node, "integer");
    return null;
  }

  @Nullable Long int64() {
    if (node == null) {
      return null;
    }
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      return node.longValue();
    }
    problems.wrongType(path, node, "integer");
    return null;
  }

  @Nullable Boolean bool() {
    if (node == null) {
      return null;
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    problems.wrongType(path, node, "boolean");
    return null;
  }

  /** The elements of an array, each with its indexed path; empty when absent or not an array. */
  List<Field> items() {
    List<Field> items = new ArrayList<>();
    if (node == null) {
      return items;
    }
    if (!node.isArray()) {
      problems.wrongType(path, node, "array");
      return items;
    }
    for (int i = 0; i < node.size(); i++) {
      items.add(new Field(node.get(i), path.index(i), problems));
    }
    return items;
  }

  /** The entries of a map-valued field, each with its keyed path ({@code data[key]}). */
  Map<String, Field> entries() {
    Map<String, Field> entries = new LinkedHashMap<>();
    ObjectNode object = object();
    if (object != null) {
      for (Map.Entry<String, JsonNode> entry : object.properties()) {
        entries.put(
            entry.getKey(), new Field(entry.getValue(), path.key(entry.getKey()), problems));
      }
    }
    return entries;
  }

  /** A {@code map[string]string} such as labels; entries that are not strings are reported. */
  Map<String, String> stringMap() {
    Map<String, String> map = new LinkedHashMap<>();
    entries()
        .forEach(
            (key, value) -> {
              String text = value.string();
              if (text != null) {
                map.put(key, text);
              } else if (!value.isPresent()) {
                map.put(key, "");
              }
            });
    return map;
  }

  /** A list of strings such as finalizers; elements that are not strings are reported. */
  List<String> stringList() {
    List<String> list = new ArrayList<>();
    for (Field item : items()) {
      String text = item.string();
      if (text != null) {
        list.add(text);
      }
    }
    return list;
  }
}
