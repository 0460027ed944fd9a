package io.cetus.nodeagent.web;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.cetus.api.errors.ApiException;
import io.cetus.api.json.Json;

/** Renders an {@link ApiException} as the {@code Status} kubectl reads, with its HTTP code. */
@RestControllerAdvice
class ApiExceptionHandler {

  @ExceptionHandler(ApiException.class)
  ResponseEntity<String> apiException(ApiException e) {
    return ResponseEntity.status(e.code())
        .contentType(MediaType.APPLICATION_JSON)
        .body(Json.mapper().writeValueAsString(e.status()));
  }
}
