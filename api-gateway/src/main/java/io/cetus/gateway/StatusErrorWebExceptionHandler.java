package io.cetus.gateway;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;

/**
 * Answers every failure that reaches the gateway's WebFlux layer with a Kubernetes {@code Status}
 * body instead of Spring's error JSON or HTML. Answers from a proxied backend, errors included,
 * never pass through here: the gateway copies them unchanged. An error answer to a request the
 * gateway made itself on the client's behalf ({@link BackendAnswerException}) is copied here.
 */
@Component
@Order(-2) // before Spring Boot's DefaultErrorWebExceptionHandler (-1)
public class StatusErrorWebExceptionHandler implements ErrorWebExceptionHandler {

  private static final Log log = LogFactory.getLog(StatusErrorWebExceptionHandler.class);

  private final ObjectMapper json;

  public StatusErrorWebExceptionHandler(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
    ServerHttpResponse response = exchange.getResponse();
    if (response.isCommitted()) {
      // A stream already under way (a watch, a WebSocket) can only be cut, not answered.
      return Mono.error(failure);
    }
    if (failure instanceof BackendAnswerException answer) {
      return passOn(exchange, answer);
    }
    KubernetesStatus status = GatewayFailures.toStatus(exchange, failure);
    logFailure(exchange, status, failure);

    HttpHeaders headers = response.getHeaders();
    headers.clear();
    if (failure instanceof ResponseStatusException rse) {
      headers.addAll(rse.getHeaders());
    }
    headers.setContentType(MediaType.APPLICATION_JSON);
    return write(response, status.code(), json.writeValueAsBytes(status));
  }

  private static Mono<Void> passOn(ServerWebExchange exchange, BackendAnswerException answer) {
    ServerHttpResponse response = exchange.getResponse();
    if (log.isDebugEnabled()) {
      log.debug(
          exchange.getLogPrefix()
              + exchange.getRequest().getURI().getRawPath()
              + ": "
              + answer.getReason());
    }
    HttpHeaders headers = response.getHeaders();
    headers.clear();
    String contentType = answer.contentType();
    headers.set(
        HttpHeaders.CONTENT_TYPE,
        contentType != null ? contentType : MediaType.APPLICATION_JSON_VALUE);
    return write(response, answer.getStatusCode().value(), answer.body());
  }

  private static Mono<Void> write(ServerHttpResponse response, int code, byte[] body) {
    HttpHeaders headers = response.getHeaders();
    headers.setCacheControl("no-cache, private");
    response.setStatusCode(HttpStatusCode.valueOf(code));
    headers.setContentLength(body.length);
    return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
  }

  private static void logFailure(
      ServerWebExchange exchange, KubernetesStatus status, Throwable failure) {
    String request =
        exchange.getLogPrefix()
            + exchange.getRequest().getMethod()
            + " "
            + exchange.getRequest().getURI().getRawPath();
    if (GatewayFailures.isUnexpected(status)) {
      log.error(request + " failed", failure);
    } else if (status.code() >= 500) {
      log.warn(request + ": " + status.message());
    } else if (log.isDebugEnabled()) {
      log.debug(request + ": " + status.code() + " " + status.message());
    }
  }
}
