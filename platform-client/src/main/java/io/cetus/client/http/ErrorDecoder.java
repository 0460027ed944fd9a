package io.cetus.client.http;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

import io.cetus.api.errors.ApiException;
import io.cetus.api.errors.Reason;
import io.cetus.api.errors.Status;
import io.cetus.api.json.Json;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Turns what the server answered, or failed to answer, into the {@link ApiException} the caller
 * handles: a {@code Status} body keeps its reason, message and details; anything else is named by
 * its HTTP code.
 */
final class ErrorDecoder {

  private static final int MAX_MESSAGE = 512;

  private ErrorDecoder() {}

  /** The error a non-2xx answer stands for. */
  static ApiException fromResponse(int httpCode, byte[] body) {
    @Nullable JsonNode node = parse(body);
    if (node != null && "Status".equals(node.path("kind").asString(""))) {
      return fromStatus(node, httpCode);
    }
    String text = new String(body, StandardCharsets.UTF_8).strip();
    if (text.length() > MAX_MESSAGE) {
      text = text.substring(0, MAX_MESSAGE) + "...";
    }
    Reason reason = reasonOf(httpCode);
    String message = "the server answered " + httpCode + (text.isEmpty() ? "" : ": " + text);
    return new ApiException(
        new Status(null, null, null, Status.FAILURE, message, reason.wireName(), null, httpCode));
  }

  /** The error an {@code ERROR} watch event, or a {@code Status} answer, describes. */
  static ApiException fromStatus(JsonNode statusNode, int fallbackCode) {
    Status status;
    try {
      status = Json.mapper().treeToValue(statusNode, Status.class);
    } catch (JacksonException e) {
      return new ApiException(reasonOf(fallbackCode), "undecodable Status: " + statusNode);
    }
    if (status.code() == null || status.reason() == null) {
      int code = status.code() != null ? status.code() : fallbackCode;
      String reason = status.reason() != null ? status.reason() : reasonOf(code).wireName();
      status =
          new Status(
              status.kind(),
              status.apiVersion(),
              status.metadata(),
              Status.FAILURE,
              status.message(),
              reason,
              status.details(),
              code);
    }
    return new ApiException(status);
  }

  /** The server could not be reached or stopped answering. */
  static ApiException unreachable(String what, IOException cause) {
    Reason reason =
        cause instanceof HttpTimeoutException ? Reason.TIMEOUT : Reason.SERVICE_UNAVAILABLE;
    var error = new ApiException(reason, what + ": " + describe(cause));
    error.initCause(cause);
    return error;
  }

  static ApiException interrupted(String what, InterruptedException cause) {
    Thread.currentThread().interrupt();
    var error = new ApiException(Reason.SERVICE_UNAVAILABLE, what + ": interrupted");
    error.initCause(cause);
    return error;
  }

  static ApiException undecodable(String what, JacksonException cause) {
    var error =
        new ApiException(
            Reason.INTERNAL_ERROR, what + ": undecodable answer: " + cause.getMessage());
    error.initCause(cause);
    return error;
  }

  private static String describe(IOException cause) {
    return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
  }

  private static @Nullable JsonNode parse(byte[] body) {
    if (body.length == 0) {
      return null;
    }
    try {
      return Json.mapper().readTree(body);
    } catch (JacksonException e) {
      return null;
    }
  }

  static Reason reasonOf(int httpCode) {
    return switch (httpCode) {
      case 400 -> Reason.BAD_REQUEST;
      case 401 -> Reason.UNAUTHORIZED;
      case 403 -> Reason.FORBIDDEN;
      case 404 -> Reason.NOT_FOUND;
      case 405 -> Reason.METHOD_NOT_ALLOWED;
      case 406 -> Reason.NOT_ACCEPTABLE;
      case 409 -> Reason.CONFLICT;
      case 410 -> Reason.GONE;
      case 413 -> Reason.REQUEST_ENTITY_TOO_LARGE;
      case 415 -> Reason.UNSUPPORTED_MEDIA_TYPE;
      case 422 -> Reason.INVALID;
      case 429 -> Reason.TOO_MANY_REQUESTS;
      case 503 -> Reason.SERVICE_UNAVAILABLE;
      case 504 -> Reason.TIMEOUT;
      default -> Reason.INTERNAL_ERROR;
    };
  }
}
