package io.cetus.gateway.filter;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ResponseStatusException;

/**
 * The backend answered a WebSocket upgrade with something other than {@code 101}. The client gets
 * the backend's status code and end-to-end headers, so it can fall back as it would against
 * Kubernetes (kubectl retries exec over SPDY, fabric8 watches over plain HTTP).
 */
public class UpgradeRefusedException extends ResponseStatusException {

  private final HttpHeaders backendHeaders;

  public UpgradeRefusedException(HttpStatusCode status, String reason, HttpHeaders backendHeaders) {
    super(status, reason);
    this.backendHeaders = HttpHeaders.readOnlyHttpHeaders(backendHeaders);
  }

  @Override
  public HttpHeaders getHeaders() {
    return backendHeaders;
  }
}
