package io.cetus.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * Forwards every request, whatever its path and method, to one backend and relays the answer, as an
 * nginx {@code proxy_pass} would. A backend that cannot be reached gives 502.
 */
final class ProxyHandler implements HttpHandler {

  /**
   * Headers that describe one connection rather than the message, plus those the JDK client sets
   * itself and refuses to take from a caller; neither kind is forwarded.
   */
  private static final Set<String> NOT_FORWARDED =
      Set.of(
          "connection",
          "content-length",
          "date",
          "expect",
          "host",
          "keep-alive",
          "proxy-connection",
          "te",
          "trailer",
          "transfer-encoding",
          "upgrade");

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private final URI backend;
  private final HttpClient client;

  /**
   * @param target {@code host:port} or {@code http://host:port}
   * @throws IllegalArgumentException when the target is not such an address
   */
  ProxyHandler(String target) {
    this.backend = backendUri(target);
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  URI backend() {
    return backend;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      HttpResponse<InputStream> answer;
      try {
        answer = client.send(forwarded(exchange), HttpResponse.BodyHandlers.ofInputStream());
      } catch (IOException e) {
        Exchanges.respond(exchange, 502, "backend " + backend + " unreachable: " + e + "\n");
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        Exchanges.respond(exchange, 503, "interrupted while forwarding\n");
        return;
      }
      relay(answer, exchange);
    }
  }

  private HttpRequest forwarded(HttpExchange exchange) throws IOException {
    URI incoming = exchange.getRequestURI();
    String pathAndQuery =
        incoming.getRawPath()
            + (incoming.getRawQuery() == null ? "" : "?" + incoming.getRawQuery());
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(backend.resolve(pathAndQuery))
            .method(
                exchange.getRequestMethod(),
                body.length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
      if (!NOT_FORWARDED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
        header.getValue().forEach(value -> request.header(header.getKey(), value));
      }
    }
    request.header("X-Forwarded-For", exchange.getRemoteAddress().getAddress().getHostAddress());
    return request.build();
  }

  private static void relay(HttpResponse<InputStream> answer, HttpExchange exchange)
      throws IOException {
    answer
        .headers()
        .map()
        .forEach(
            (name, values) -> {
              if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                exchange.getResponseHeaders().put(name, values);
              }
            });
    long length = answer.headers().firstValueAsLong("content-length").orElse(-1);
    int status = answer.statusCode();
    try (InputStream in = answer.body()) {
      if (exchange.getRequestMethod().equals("HEAD")
          || status == 204
          || status == 304
          || length == 0) {
        exchange.sendResponseHeaders(status, -1);
        return;
      }
      // 0 asks the JDK server for chunked encoding when the backend did not say how long it is.
      exchange.sendResponseHeaders(status, Math.max(length, 0));
      try (OutputStream out = exchange.getResponseBody()) {
        in.transferTo(out);
      }
    }
  }

  private static URI backendUri(String target) {
    String withScheme = target.contains("://") ? target : "http://" + target;
    URI uri;
    try {
      uri = URI.create(withScheme.endsWith("/") ? withScheme : withScheme + "/");
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("proxy target '" + target + "' is not host:port", e);
    }
    if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
      throw new IllegalArgumentException("proxy target '" + target + "' is not host:port");
    }
    return uri;
  }
}
