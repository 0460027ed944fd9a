package io.cetus.api.errors;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A request the API refuses, carried as the {@link Status} Kubernetes would answer. Shared by the
 * server, which renders it, and the clients, which decode a {@code Status} back into it; test with
 * {@link ApiErrors} rather than by subclass, since a decoded error is always this class.
 */
public class ApiException extends RuntimeException {

  private final Status status;

  public ApiException(Status status) {
    super(status.message());
    this.status = status;
  }

  public ApiException(Reason reason, String message) {
    this(Status.failure(reason, message, null));
  }

  public Status status() {
    return status;
  }

  public Reason reason() {
    return status.reason() == null ? Reason.INTERNAL_ERROR : Reason.fromWireName(status.reason());
  }

  public int code() {
    return status.code() == null ? reason().code() : status.code();
  }

  /**
   * {@code pods "web" not found}; {@code resource} is the qualified plural, e.g. {@code
   * deployments.apps}.
   */
  public static ApiException notFound(String resource, String name) {
    return new ApiException(
        Status.failure(
            Reason.NOT_FOUND,
            resource + " \"" + name + "\" not found",
            details(resource, name, null)));
  }

  public static ApiException alreadyExists(String resource, String name) {
    return new ApiException(
        Status.failure(
            Reason.ALREADY_EXISTS,
            resource + " \"" + name + "\" already exists",
            details(resource, name, null)));
  }

  /** A stale {@code resourceVersion} or a failed precondition. */
  public static ApiException conflict(String resource, String name, String why) {
    return new ApiException(
        Status.failure(
            Reason.CONFLICT,
            "Operation cannot be fulfilled on " + resource + " \"" + name + "\": " + why,
            details(resource, name, null)));
  }

  public static ApiException staleResourceVersion(String resource, String name) {
    return conflict(
        resource,
        name,
        "the object has been modified; please apply your changes to the latest version and try"
            + " again");
  }

  /** 422: {@code The Pod "bad" is invalid: spec.containers[0].image: Required value}. */
  public static ApiException invalid(String kind, String name, List<StatusCause> causes) {
    var summary = new StringBuilder();
    for (StatusCause cause : causes) {
      summary.append(summary.isEmpty() ? "" : ", ");
      if (cause.field() != null && !cause.field().isEmpty()) {
        summary.append(cause.field()).append(": ");
      }
      summary.append(cause.message());
    }
    String message =
        "The "
            + kind
            + " \""
            + name
            + "\" is invalid: "
            + (causes.size() > 1 ? "[" : "")
            + summary
            + (causes.size() > 1 ? "]" : "");
    return new ApiException(
        Status.failure(
            Reason.INVALID, message, new StatusDetails(name, null, kind, null, causes, null)));
  }

  public static ApiException badRequest(String message) {
    return new ApiException(Reason.BAD_REQUEST, message);
  }

  /** 410 with reason {@code Expired}, as a watch or continue token from before compaction gets. */
  public static ApiException expired(String message) {
    return new ApiException(Reason.EXPIRED, message);
  }

  private static StatusDetails details(String resource, String name, @Nullable String uid) {
    int dot = resource.indexOf('.');
    String kind = dot < 0 ? resource : resource.substring(0, dot);
    String group = dot < 0 ? "" : resource.substring(dot + 1);
    return new StatusDetails(name, group, kind, uid, null, null);
  }
}
