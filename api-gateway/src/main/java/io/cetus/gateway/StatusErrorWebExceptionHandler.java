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
 * body instead of Spring's error JSON or HTML. Answers from a backend, errors included, never pass
 * through here: the gateway copies them unchanged.
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
    KubernetesStatus status = GatewayFailures.toStatus(exchange, failure);
    logFailure(exchange, status, failure);

    HttpHeaders headers = response.getHeaders();
    headers.clear();
    if (failure instanceof ResponseStatusException rse) {
      headers.addAll(rse.getHeaders());
    }
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setCacheControl("no-cache, private");
    response.setStatusCode(HttpStatusCode.valueOf(status.code()));
    byte[] body = json.writeValueAsBytes(status);
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
