package io.cetus.gateway;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Kubernetes' {@code meta/v1 Status} as the gateway writes it for failures of its own (backend
 * unreachable, no route, timeout), so clients print {@code Error from server (<reason>): <message>}
 * exactly as for errors from the object store. The gateway depends on none of the platform
 * libraries (routes are configuration), hence this small copy of the shape.
 */
@JsonPropertyOrder({"kind", "apiVersion", "metadata", "status", "message", "reason", "code"})
public record KubernetesStatus(
    String kind,
    String apiVersion,
    Map<String, Object> metadata,
    String status,
    String message,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) String reason,
    int code) {

  /** A {@code Failure} with the reason Kubernetes uses for {@code code}. */
  public static KubernetesStatus failure(int code, String message) {
    return new KubernetesStatus(
        "Status", "v1", Map.of(), "Failure", message, reasonFor(code), code);
  }

  /** Kubernetes' {@code StatusReason} for an HTTP code; an empty reason where it has none. */
  static String reasonFor(int code) {
    return switch (code) {
      case 400 -> "BadRequest";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "NotFound";
      case 405 -> "MethodNotAllowed";
      case 406 -> "NotAcceptable";
      case 409 -> "Conflict";
      case 410 -> "Gone";
      case 413 -> "RequestEntityTooLarge";
      case 415 -> "UnsupportedMediaType";
      case 422 -> "Invalid";
      case 429 -> "TooManyRequests";
      case 503 -> "ServiceUnavailable";
      case 504 -> "Timeout";
      default -> code >= 500 ? "InternalError" : "";
    };
  }
}
