package io.cetus.objectstore.admission;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.cetus.api.errors.ApiException;
import io.cetus.api.errors.StatusCause;

import tools.jackson.databind.JsonNode;

/**
 * The causes found while validating one object, collected so that the caller hears about all of
 * them in one 422. A cause reported twice (the same field read by two checks) is kept once.
 */
final class Problems {

  private final Set<StatusCause> causes = new LinkedHashSet<>();

  void required(FieldPath path) {
    causes.add(StatusCause.required(path.value()));
  }

  void required(FieldPath path, String detail) {
    causes.add(new StatusCause("FieldValueRequired", "Required value: " + detail, path.value()));
  }

  /** {@code value} is printed quoted when it is a string, as JSON when it is a node. */
  void invalid(FieldPath path, Object value, String detail) {
    causes.add(StatusCause.invalid(path.value(), value, detail));
  }

  void notSupported(FieldPath path, Object value, List<String> supported) {
    causes.add(StatusCause.notSupported(path.value(), value, supported));
  }

  void duplicate(FieldPath path, Object value) {
    causes.add(StatusCause.duplicate(path.value(), value));
  }

  void forbidden(FieldPath path, String detail) {
    causes.add(StatusCause.forbidden(path.value(), detail));
  }

  void notFound(FieldPath path, Object value) {
    causes.add(
        new StatusCause(
            "FieldValueNotFound",
            "Not found: " + (value instanceof String s ? "\"" + s + "\"" : value),
            path.value()));
  }

  void tooLong(FieldPath path, long maxBytes) {
    causes.add(
        new StatusCause(
            "FieldValueTooLong",
            "Too long: must have at most " + maxBytes + " bytes",
            path.value()));
  }

  /** A JSON value of the wrong type, e.g. {@code "replicas": "two"}. */
  void wrongType(FieldPath path, JsonNode value, String expectedType) {
    invalid(path, describe(value), "must be of type " + expectedType);
  }

  /** Each message of a {@code Names} check as an invalid-value cause. */
  void invalidEach(FieldPath path, Object value, List<String> messages) {
    for (String message : messages) {
      invalid(path, value, message);
    }
  }

  int count() {
    return causes.size();
  }

  boolean isEmpty() {
    return causes.isEmpty();
  }

  List<StatusCause> causes() {
    return new ArrayList<>(causes);
  }

  /** Throws the 422 {@code The <kind> "<name>" is invalid: ...} when anything was found. */
  void throwIfAny(String kind, String name) {
    if (!causes.isEmpty()) {
      throw ApiException.invalid(kind, name, causes());
    }
  }

  private static Object describe(JsonNode value) {
    if (value.isString()) {
      return value.stringValue();
    }
    if (value.isObject()) {
      return "object";
    }
    if (value.isArray()) {
      return "array";
    }
    return value;
  }
}
