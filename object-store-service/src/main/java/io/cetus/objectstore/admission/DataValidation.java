package io.cetus.objectstore.admission;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The rules for the keys of ConfigMap and Secret data, which become file names in volumes. */
final class DataValidation {

  /** The most bytes the data of one ConfigMap or Secret may hold. */
  static final int MAX_DATA_BYTES = 1024 * 1024;

  private static final int MAX_KEY_LENGTH = 253;
  private static final Pattern KEY = Pattern.compile("[-._a-zA-Z0-9]+");

  private DataValidation() {}

  /** Why {@code key} cannot be a data key; empty when it can. */
  static List<String> keyProblems(String key) {
    List<String> problems = new ArrayList<>();
    if (key.length() > MAX_KEY_LENGTH) {
      problems.add("must be no more than " + MAX_KEY_LENGTH + " characters");
    }
    if (!KEY.matcher(key).matches()) {
      problems.add(
          "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g."
              + " 'key.name', 'KEY_NAME' or 'key-name')");
    }
    if (key.equals(".")) {
      problems.add("must not be '.'");
    } else if (key.equals("..")) {
      problems.add("must not be '..'");
    } else if (key.startsWith("..")) {
      problems.add("must not start with '..'");
    }
    return problems;
  }

  /** Checks every key of a data map; returns the map's keys. */
  static Set<String> keys(Field data) {
    Map<String, Field> entries = data.entries();
    for (Map.Entry<String, Field> entry : entries.entrySet()) {
      data.problems()
          .invalidEach(entry.getValue().path(), entry.getKey(), keyProblems(entry.getKey()));
    }
    return entries.keySet();
  }

  /**
   * Once {@code immutable: true} is stored, the flag and the listed data fields may no longer
   * change.
   */
  static void immutableUpdate(Field object, ObjectNode existing, List<String> dataFields) {
    JsonNode wasImmutable = existing.get("immutable");
    if (wasImmutable == null || !wasImmutable.isBoolean() || !wasImmutable.booleanValue()) {
      return;
    }
    Problems problems = object.problems();
    Field immutable = object.child("immutable");
    if (!Boolean.TRUE.equals(immutable.bool())) {
      problems.forbidden(immutable.path(), "field is immutable when `immutable` is set");
    }
    for (String dataField : dataFields) {
      Field data = object.child(dataField);
      if (!JsonTrees.semanticallyEqual(data.node(), existing.get(dataField))) {
        problems.forbidden(data.path(), "field is immutable when `immutable` is set");
      }
    }
  }
}
