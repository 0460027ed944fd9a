package io.cetus.api.errors;

/** The {@code reason} of a Kubernetes {@code Status}, with the HTTP code it travels with. */
public enum Reason {
  BAD_REQUEST("BadRequest", 400),
  UNAUTHORIZED("Unauthorized", 401),
  FORBIDDEN("Forbidden", 403),
  NOT_FOUND("NotFound", 404),
  METHOD_NOT_ALLOWED("MethodNotAllowed", 405),
  NOT_ACCEPTABLE("NotAcceptable", 406),
  ALREADY_EXISTS("AlreadyExists", 409),
  CONFLICT("Conflict", 409),
  GONE("Gone", 410),
  EXPIRED("Expired", 410),
  REQUEST_ENTITY_TOO_LARGE("RequestEntityTooLarge", 413),
  UNSUPPORTED_MEDIA_TYPE("UnsupportedMediaType", 415),
  INVALID("Invalid", 422),
  TOO_MANY_REQUESTS("TooManyRequests", 429),
  INTERNAL_ERROR("InternalError", 500),
  SERVICE_UNAVAILABLE("ServiceUnavailable", 503),
  TIMEOUT("Timeout", 504);

  private final String wireName;
  private final int code;

  Reason(String wireName, int code) {
    this.wireName = wireName;
    this.code = code;
  }

  /** The reason as Kubernetes spells it in a {@code Status}, e.g. {@code NotFound}. */
  public String wireName() {
    return wireName;
  }

  public int code() {
    return code;
  }

  /** The reason named {@code wireName}, or {@link #INTERNAL_ERROR} for one we do not know. */
  public static Reason fromWireName(String wireName) {
    for (Reason reason : values()) {
      if (reason.wireName.equals(wireName)) {
        return reason;
      }
    }
    return INTERNAL_ERROR;
  }
}
