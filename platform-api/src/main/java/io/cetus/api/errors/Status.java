package io.cetus.api.errors;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Kubernetes' {@code meta/v1 Status}: the body of every error answer, and of some successes (a
 * delete that finished at once). Field names and shape are Kubernetes' own, so kubectl prints
 * {@code Error from server (<reason>): <message>}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"kind", "apiVersion", "metadata", "status", "message", "reason", "details"})
public record Status(
    String kind,
    String apiVersion,
    Map<String, Object> metadata,
    String status,
    @Nullable String message,
    @Nullable String reason,
    @Nullable StatusDetails details,
    @Nullable Integer code) {

  public static final String FAILURE = "Failure";
  public static final String SUCCESS = "Success";

  public Status {
    kind = kind == null ? "Status" : kind;
    apiVersion = apiVersion == null ? "v1" : apiVersion;
    metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
  }

  public static Status failure(Reason reason, String message, @Nullable StatusDetails details) {
    return new Status(
        null, null, null, FAILURE, message, reason.wireName(), details, reason.code());
  }

  public static Status success(@Nullable StatusDetails details) {
    return new Status(null, null, null, SUCCESS, null, null, details, null);
  }
}
