package io.cetus.objectstore.web;

import java.io.IOException;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import io.cetus.api.errors.ApiException;
import io.cetus.api.errors.Reason;

/**
 * Turns every failure of a request into a Kubernetes {@code Status} with the matching HTTP code:
 * {@link ApiException}s as they are, Spring's own errors by their meaning (415, 400, 405, 404, 413,
 * ...), and anything unexpected into a 500 {@code InternalError} whose details stay in the server
 * log. Never an HTML page, never a stack trace.
 */
@RestControllerAdvice
class ApiExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(Exception.class)
  @Nullable ResponseEntity<byte[]> handle(Exception failure) {
    ApiException error = translate(failure);
    return error == null ? null : JsonResponses.error(error);
  }

  /** The Status for a failure, or null when the client is gone and nothing can be answered. */
  static @Nullable ApiException translate(Throwable failure) {
    return switch (failure) {
      case ApiException api -> api;
      case HttpMediaTypeNotSupportedException e ->
          new ApiException(Reason.UNSUPPORTED_MEDIA_TYPE, BodyReader.UNSUPPORTED_BODY);
      case HttpMessageNotReadableException e ->
          ApiException.badRequest("the request body could not be read");
      case HttpRequestMethodNotSupportedException e -> ApiResource.methodNotAllowed();
      case NoResourceFoundException e -> ApiPathParser.notFound();
      case NoHandlerFoundException e -> ApiPathParser.notFound();
      case MaxUploadSizeExceededException e ->
          new ApiException(Reason.REQUEST_ENTITY_TOO_LARGE, "the request body is too large");
      case AsyncRequestNotUsableException e -> null;
      case ErrorResponse e -> byCode(e.getStatusCode().value(), e.getBody().getDetail());
      case IOException e when isClientAbort(e) -> null;
      default -> {
        log.error("request failed unexpectedly", failure);
        yield new ApiException(
            Reason.INTERNAL_ERROR,
            "an internal error occurred; the details are in the server's log");
      }
    };
  }

  /** A Status for a bare HTTP code, with the reason Kubernetes uses for it. */
  static ApiException byCode(int code, @Nullable String detail) {
    Reason reason = code >= 500 ? Reason.INTERNAL_ERROR : Reason.BAD_REQUEST;
    for (Reason candidate : Reason.values()) {
      if (candidate.code() == code) {
        reason = candidate;
        break;
      }
    }
    if (code == 404) {
      return ApiPathParser.notFound();
    }
    String message =
        code >= 500 || detail == null || detail.isBlank()
            ? "the request failed with HTTP status " + code
            : detail;
    return new ApiException(reason, message);
  }

  private static boolean isClientAbort(IOException e) {
    return e.getClass().getSimpleName().equals("ClientAbortException")
        || e.getClass().getSimpleName().equals("EofException");
  }
}
