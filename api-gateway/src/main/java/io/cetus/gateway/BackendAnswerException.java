package io.cetus.gateway;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ResponseStatusException;

/**
 * An error answer a backend gave to a request the gateway made on a client's behalf (such as the
 * object store's {@code 404} for the pod of a {@code kubectl logs}). The client gets it as the
 * backend wrote it: its status code, content type and body, usually a Kubernetes {@code Status}.
 */
public class BackendAnswerException extends ResponseStatusException {

  private final @Nullable String contentType;
  private final byte[] body;

  public BackendAnswerException(int code, @Nullable String contentType, byte[] body) {
    super(HttpStatusCode.valueOf(code), "the backend answered HTTP " + code);
    this.contentType = contentType;
    this.body = body.clone();
  }

  /** The backend's {@code Content-Type}, if it sent one. */
  public @Nullable String contentType() {
    return contentType;
  }

  public byte[] body() {
    return body.clone();
  }
}
