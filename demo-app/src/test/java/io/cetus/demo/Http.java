package io.cetus.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain HTTP client for the tests: every call answers or fails within ten seconds. */
final class Http {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Http() {}

  static HttpResponse<String> get(int port, String pathAndQuery) {
    return send(request(port, pathAndQuery).GET());
  }

  static HttpResponse<String> post(int port, String pathAndQuery, String body) {
    return send(request(port, pathAndQuery).POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  static HttpResponse<String> send(int port, String method, String pathAndQuery) {
    return send(request(port, pathAndQuery).method(method, HttpRequest.BodyPublishers.noBody()));
  }

  private static HttpRequest.Builder request(int port, String pathAndQuery) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
        .timeout(Duration.ofSeconds(10));
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
