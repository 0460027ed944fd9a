package io.cetus.api.errors;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One reason a request failed, e.g. a field that is invalid. {@code reason} is Kubernetes' cause
 * type ({@code FieldValueRequired}, {@code FieldValueInvalid}, ...), {@code field} the JSON path of
 * the field ({@code spec.containers[0].image}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatusCause(
    @Nullable String reason, @Nullable String message, @Nullable String field) {

  public static StatusCause required(String field) {
    return new StatusCause("FieldValueRequired", "Required value", field);
  }

  public static StatusCause invalid(String field, Object value, String detail) {
    return new StatusCause(
        "FieldValueInvalid", "Invalid value: " + quoted(value) + ": " + detail, field);
  }

  public static StatusCause notSupported(String field, Object value, Iterable<String> supported) {
    return new StatusCause(
        "FieldValueNotSupported",
        "Unsupported value: "
            + quoted(value)
            + ": supported values: "
            + String.join(", ", quotedAll(supported)),
        field);
  }

  public static StatusCause duplicate(String field, Object value) {
    return new StatusCause("FieldValueDuplicate", "Duplicate value: " + quoted(value), field);
  }

  public static StatusCause forbidden(String field, String detail) {
    return new StatusCause("FieldValueForbidden", "Forbidden: " + detail, field);
  }

  private static String quoted(Object value) {
    return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
  }

  private static java.util.List<String> quotedAll(Iterable<String> values) {
    var out = new java.util.ArrayList<String>();
    values.forEach(v -> out.add(quoted(v)));
    return out;
  }
}
