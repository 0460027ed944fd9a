package io.cetus.objectstore.service;

import java.util.function.Supplier;

import io.cetus.api.errors.ApiException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * Runs an admission step so that a body whose fields have the wrong JSON types fails with 400 (as
 * Kubernetes' decoding would) rather than a server error: a {@link JacksonException} from binding
 * the object to typed records becomes a BadRequest naming the field, without Java type names.
 */
final class Admissions {

  private Admissions() {}

  static <T> T decodeErrorsAsBadRequest(Supplier<T> step) {
    try {
      return step.get();
    } catch (JacksonException e) {
      throw ApiException.badRequest(
          "the request body does not decode: " + fieldOf(e) + " has a value of the wrong type");
    }
  }

  private static String fieldOf(JacksonException e) {
    if (!(e instanceof DatabindException bind) || bind.getPath().isEmpty()) {
      return "a field";
    }
    StringBuilder field = new StringBuilder();
    for (JacksonException.Reference reference : bind.getPath()) {
      if (reference.getPropertyName() != null) {
        field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        field.append('[').append(reference.getIndex()).append(']');
      }
    }
    return field.isEmpty() ? "a field" : field.toString();
  }
}
