package io.cetus.gateway.podstream;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.server.ResponseStatusException;

import io.cetus.gateway.BackendAnswerException;
import io.cetus.gateway.GatewayFailures;
import io.cetus.gateway.GatewayStatusException;

import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Reads objects from the object store for the gateway's own use. Failing to reach the store is a
 * {@code 503} (or {@code 504} when it does not answer in time) that names it, like a proxied
 * request that fails the same way.
 */
public class ObjectStoreReader {

  static final String SERVICE = "object-store-service";

  private final HttpClient client;
  private final String address;
  private final Duration timeout;

  /**
   * @param client the HTTP client to use (the gateway's own, so its connect timeout applies)
   * @param objectStoreUrl the object store's base URL
   * @param timeout how long a read may take, answer included
   */
  public ObjectStoreReader(HttpClient client, URI objectStoreUrl, Duration timeout) {
    String base = objectStoreUrl.toString();
    this.client = client.baseUrl(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
    this.address = objectStoreUrl.getHost() + ":" + port(objectStoreUrl);
    this.timeout = timeout;
  }

  /** The store's answer to a request for the object at {@code path}. */
  public record Answer(int code, @Nullable String contentType, byte[] body) {

    boolean ok() {
      return code == 200;
    }

    /** This answer, to be passed on to the client unchanged. */
    BackendAnswerException toClient() {
      return new BackendAnswerException(code, contentType, body);
    }
  }

  /**
   * GETs {@code path} as JSON, with the client's {@code Authorization} header if it sent one. Any
   * answer, error codes included, is a value; only failing to get one is an error.
   */
  public Mono<Answer> get(String path, @Nullable String authorization) {
    return client
        .headers(
            headers -> {
              headers.set(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE);
              if (authorization != null) {
                headers.set(HttpHeaders.AUTHORIZATION, authorization);
              }
            })
        .get()
        .uri(path)
        .responseSingle(
            (response, body) ->
                body.asByteArray()
                    .defaultIfEmpty(new byte[0])
                    .map(
                        bytes ->
                            new Answer(
                                response.status().code(),
                                response.responseHeaders().get(HttpHeaders.CONTENT_TYPE),
                                bytes)))
        .timeout(timeout)
        .onErrorMap(failure -> !(failure instanceof ResponseStatusException), this::unavailable);
  }

  private GatewayStatusException unavailable(Throwable failure) {
    if (failure instanceof TimeoutException) {
      return new GatewayStatusException(
          504, SERVICE + " at " + address + " did not answer in time");
    }
    return new GatewayStatusException(
        503,
        SERVICE
            + " is unavailable: cannot connect to "
            + address
            + " ("
            + GatewayFailures.describe(failure)
            + ")");
  }

  private static int port(URI uri) {
    if (uri.getPort() >= 0) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }
}
