package io.cetus.testsupport.boot;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Requests to a web server the test runs on {@code 127.0.0.1}. */
public final class LocalHttp {

  private LocalHttp() {}

  /** The body of {@code GET http://127.0.0.1:<port><path>}, whatever its status. */
  public static String get(int port, String path) throws IOException, InterruptedException {
    try (HttpClient http = HttpClient.newHttpClient()) {
      return http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    }
  }
}
