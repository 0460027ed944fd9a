package io.cetus.objectstore.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.cetus.api.errors.ApiException;

/**
 * Replaces Spring Boot's error page for failures that happen before a request reaches a handler (in
 * a filter or in the container): they too are answered with a {@code Status}.
 */
@RestController
class StatusErrorController implements ErrorController {

  @RequestMapping("${server.error.path:${error.path:/error}}")
  @Nullable ResponseEntity<byte[]> error(HttpServletRequest request) {
    Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    if (failure instanceof Throwable throwable) {
      ApiException error = ApiExceptionHandler.translate(throwable);
      return error == null ? null : JsonResponses.error(error);
    }
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    String message = (String) request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
    return JsonResponses.error(
        ApiExceptionHandler.byCode(code instanceof Integer status ? status : 404, message));
  }
}
