package io.cetus.objectstore.admission;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writing defaults into a JSON tree without tripping over values of the wrong type: a field whose
 * value has the wrong type is left alone for validation to report.
 *
 * <p>Kubernetes distinguishes optional pointer fields, which are defaulted only when absent (an
 * explicit {@code replicas: 0} stays), from plain fields whose Go zero value means "unset" (an
 * explicit {@code dnsPolicy: ""} or {@code periodSeconds: 0} is defaulted): {@link #setIfAbsent}
 * and {@link #setIfEmpty}.
 */
final class JsonDefaults {

  private JsonDefaults() {}

  static boolean isAbsent(ObjectNode parent, String name) {
    JsonNode value = parent.get(name);
    return value == null || value.isNull() || value.isMissingNode();
  }

  /** Absent, {@code ""} or a numeric zero: what Go decodes to a zero value. */
  static boolean isEmpty(ObjectNode parent, String name) {
    if (isAbsent(parent, name)) {
      return true;
    }
    JsonNode value = parent.get(name);
    return (value.isString() && value.stringValue().isEmpty())
        || (value.isIntegralNumber() && value.canConvertToLong() && value.longValue() == 0);
  }

  static void setIfAbsent(ObjectNode parent, String name, String value) {
    if (isAbsent(parent, name)) {
      parent.put(name, value);
    }
  }

  static void setIfAbsent(ObjectNode parent, String name, int value) {
    if (isAbsent(parent, name)) {
      parent.put(name, value);
    }
  }

  static void setIfAbsent(ObjectNode parent, String name, boolean value) {
    if (isAbsent(parent, name)) {
      parent.put(name, value);
    }
  }

  static void setIfEmpty(ObjectNode parent, String name, String value) {
    if (isEmpty(parent, name)) {
      parent.put(name, value);
    }
  }

  static void setIfEmpty(ObjectNode parent, String name, int value) {
    if (isEmpty(parent, name)) {
      parent.put(name, value);
    }
  }

  /** The object at {@code name}, or {@code null} when absent or not an object. */
  static @Nullable ObjectNode object(ObjectNode parent, String name) {
    return parent.get(name) instanceof ObjectNode object ? object : null;
  }

  /** Follows several names. */
  static @Nullable ObjectNode object(ObjectNode parent, String... names) {
    ObjectNode current = parent;
    for (String name : names) {
      current = object(current, name);
      if (current == null) {
        return null;
      }
    }
    return current;
  }

  /**
   * The object at {@code name}, created empty when absent; {@code null} when the field holds
   * something else.
   */
  static @Nullable ObjectNode objectOrCreate(ObjectNode parent, String name) {
    if (isAbsent(parent, name)) {
      return parent.putObject(name);
    }
    return object(parent, name);
  }

  /** The elements of the array at {@code name} that are objects. */
  static List<ObjectNode> objects(ObjectNode parent, String name) {
    List<ObjectNode> objects = new ArrayList<>();
    JsonNode array = parent.get(name);
    if (array != null && array.isArray()) {
      for (JsonNode element : array) {
        if (element instanceof ObjectNode object) {
          objects.add(object);
        }
      }
    }
    return objects;
  }

  /** The string at {@code name}, or {@code null} when absent or not a string. */
  static @Nullable String string(ObjectNode parent, String name) {
    JsonNode value = parent.get(name);
    return value != null && value.isString() ? value.stringValue() : null;
  }
}
