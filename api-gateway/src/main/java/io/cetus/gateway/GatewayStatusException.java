package io.cetus.gateway;

import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ResponseStatusException;

/**
 * A failure the gateway has already put into words: the client gets exactly this {@code Status}.
 * For failures found before any route's backend is reached, which {@link GatewayFailures} could
 * otherwise only describe in terms of that backend.
 */
public class GatewayStatusException extends ResponseStatusException {

  private final KubernetesStatus status;

  public GatewayStatusException(int code, String message) {
    super(HttpStatusCode.valueOf(code), message);
    this.status = KubernetesStatus.failure(code, message);
  }

  public KubernetesStatus status() {
    return status;
  }
}
