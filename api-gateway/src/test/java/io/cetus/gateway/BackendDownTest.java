package io.cetus.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** With the object store down, the gateway answers 503 with a Status that names it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BackendDownTest {

  private static final Duration DEADLINE = Duration.ofSeconds(10);
  private static final int DEAD_PORT = freePort();
  private static final String EXPECTED_BODY =
      "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
          + "\"message\":\"object-store-service is unavailable: cannot connect to 127.0.0.1:"
          + DEAD_PORT
          + " (Connection refused)\",\"reason\":\"ServiceUnavailable\",\"code\":503}";

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Value("${local.server.port}")
  int port;

  @DynamicPropertySource
  static void deadObjectStore(DynamicPropertyRegistry registry) {
    registry.add("CETUS_OBJECT_STORE_URL", () -> "http://127.0.0.1:" + DEAD_PORT);
  }

  @Test
  void requestAnswersServiceUnavailableStatusNamingTheObjectStore() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/pods"))
                .timeout(DEADLINE)
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(response.body()).isEqualTo(EXPECTED_BODY);
  }

  @Test
  void webSocketUpgradeAnswersServiceUnavailable() {
    Throwable failure =
        catchThrowable(
            () ->
                http.newWebSocketBuilder()
                    .buildAsync(
                        URI.create(
                            "ws://127.0.0.1:" + port + "/api/v1/namespaces/default/pods/web/exec"),
                        new WebSocket.Listener() {})
                    .get(DEADLINE.toSeconds(), TimeUnit.SECONDS));

    assertThat(failure).hasCauseInstanceOf(WebSocketHandshakeException.class);
    HttpResponse<?> answer = ((WebSocketHandshakeException) failure.getCause()).getResponse();
    assertThat(answer.statusCode()).isEqualTo(503);
  }

  /** A port nothing listens on: bound once by the OS, then released. */
  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
