package io.cetus.objectstore.admission;

import java.util.List;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/** Checks of single fields that every kind uses, reporting with Kubernetes' messages. */
final class Checks {

  static final String NON_NEGATIVE = "must be greater than or equal to 0";

  private Checks() {}

  /** Reports a missing value, unless the value is there with the wrong type (already reported). */
  static void required(Field field) {
    JsonNode value = field.node();
    if (value == null || (value.isString() && value.stringValue().isEmpty())) {
      field.problems().required(field.path());
    }
  }

  /** A string that must be present and not empty; returns it when so. */
  static @Nullable String requiredString(Field field) {
    String value = field.string();
    if (value == null || value.isEmpty()) {
      required(field);
      return null;
    }
    return value;
  }

  /**
   * An enumerated string that may be absent (or {@code ""}, Go's zero value, which protobuf
   * requests carry for unset fields) but must otherwise be one of {@code values}.
   */
  static @Nullable String oneOf(Field field, List<String> values) {
    String value = field.nonEmptyString();
    if (value != null && !values.contains(value)) {
      field.problems().notSupported(field.path(), value, values);
      return null;
    }
    return value;
  }

  /** An enumerated string that must be present and one of {@code values}. */
  static @Nullable String requiredOneOf(Field field, List<String> values) {
    String value = requiredString(field);
    if (value != null && !values.contains(value)) {
      field.problems().notSupported(field.path(), value, values);
      return null;
    }
    return value;
  }

  /** An integer that may be absent but must otherwise not be negative. */
  static @Nullable Long nonNegative(Field field) {
    Long value = field.int64();
    if (value != null && value < 0) {
      field.problems().invalid(field.path(), value, NON_NEGATIVE);
      return null;
    }
    return value;
  }

  /** An integer that may be absent but must otherwise be at least 1. */
  static @Nullable Long positive(Field field) {
    Long value = field.int64();
    if (value != null && value <= 0) {
      field.problems().invalid(field.path(), value, "must be greater than 0");
      return null;
    }
    return value;
  }
}
