package io.cetus.client.http;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cetus.client.http.RawHttpServer.Reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class KeepAliveTransportTest {

  private RawHttpServer server;
  private KeepAliveTransport transport;

  @AfterEach
  void close() throws IOException {
    if (transport != null) {
      transport.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void requestsOneAfterAnotherShareOneConnection() throws Exception {
    start(request -> Reply.json("{\"n\":" + server.received().size() + "}"));

    for (int i = 1; i <= 5; i++) {
      assertThat(body(transport.send(ApiRequest.get("/api/v1/pods"))))
          .isEqualTo("{\"n\":" + i + "}");
    }

    assertThat(server.connectionsAccepted()).isEqualTo(1);
  }

  @Test
  void requestCarriesTheBasePathHostFixedHeadersAndBody() throws Exception {
    server = new RawHttpServer(request -> Reply.json("{}"));
    transport =
        new KeepAliveTransport(
            URI.create(server.baseUrl() + "/prefix"),
            Map.of("Authorization", "Bearer s3cret"),
            Duration.ofSeconds(5),
            Duration.ofSeconds(5));

    transport.send(
        ApiRequest.withBody(
            "POST",
            "/api/v1/namespaces/a/pods?dryRun=All",
            "application/json",
            "{\"kind\":\"Pod\"}".getBytes(StandardCharsets.UTF_8)));

    RawHttpServer.Received received = server.received().getFirst();
    assertThat(received.head())
        .startsWith("POST /prefix/api/v1/namespaces/a/pods?dryRun=All HTTP/1.1\r\n")
        .contains("Host: " + URI.create(server.baseUrl()).getRawAuthority() + "\r\n")
        .contains("Authorization: Bearer s3cret\r\n")
        .contains("Content-Type: application/json\r\n")
        .contains("Content-Length: 14\r\n");
    assertThat(received.body()).isEqualTo("{\"kind\":\"Pod\"}");
  }

  @Test
  void chunkedAnswerIsReadWholeAndTheConnectionKept() throws Exception {
    start(
        request ->
            Reply.of(
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "4;ext=1\r\n{\"a\"\r\n"
                    + "a\r\n:[1,2,3,4]\r\n"
                    + "1\r\n}\r\n"
                    + "0\r\nX-Trailer: t\r\n\r\n"));

    assertThat(body(transport.send(ApiRequest.get("/a")))).isEqualTo("{\"a\":[1,2,3,4]}");
    assertThat(body(transport.send(ApiRequest.get("/b")))).isEqualTo("{\"a\":[1,2,3,4]}");
    assertThat(server.connectionsAccepted()).isEqualTo(1);
  }

  @Test
  void answerWithoutALengthEndsWithItsConnection() throws Exception {
    start(
        request ->
            Reply.of("HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\nno such thing")
                .thenClose());

    ApiAnswer first = transport.send(ApiRequest.get("/a"));
    ApiAnswer second = transport.send(ApiRequest.get("/b"));

    assertThat(first.statusCode()).isEqualTo(404);
    assertThat(body(first)).isEqualTo("no such thing");
    assertThat(body(second)).isEqualTo("no such thing");
    assertThat(server.connectionsAccepted()).isEqualTo(2);
  }

  @Test
  void noContentAnswerHasNoBodyAndKeepsTheConnection() throws Exception {
    start(request -> Reply.of("HTTP/1.1 204 No Content\r\n\r\n"));

    assertThat(transport.send(ApiRequest.delete("/a")).body()).isEmpty();
    assertThat(transport.send(ApiRequest.delete("/b")).statusCode()).isEqualTo(204);
    assertThat(server.connectionsAccepted()).isEqualTo(1);
  }

  @Test
  void interimAnswersAreSkipped() throws Exception {
    start(request -> Reply.of("HTTP/1.1 100 Continue\r\n\r\n" + Reply.json("{}").raw()));

    assertThat(transport.send(ApiRequest.get("/a")).statusCode()).isEqualTo(200);
  }

  @Test
  void idempotentRequestIsSentAgainWhenTheServerHadClosedTheIdleConnection() throws Exception {
    start(request -> Reply.json("{\"connection\":" + request.connection() + "}"));
    transport.send(ApiRequest.get("/a"));
    server.closeConnections();

    ApiAnswer answer = transport.send(ApiRequest.get("/a"));

    assertThat(body(answer)).isEqualTo("{\"connection\":2}");
  }

  @Test
  void postIsNotSentAgainWhenTheConnectionEndsBeforeTheAnswer() throws Exception {
    start(request -> Reply.json("{}"));
    transport.send(ApiRequest.get("/a"));
    server.closeConnections();

    assertThatThrownBy(
            () ->
                transport.send(
                    ApiRequest.withBody("POST", "/b", "application/json", new byte[] {'{', '}'})))
        .isInstanceOf(KeepAliveConnection.NoAnswerException.class);
    assertThat(server.received()).extracting(RawHttpServer.Received::head).hasSize(1);
  }

  @Test
  void answerThatNeverComesTimesOut() throws Exception {
    start(request -> null, Duration.ofMillis(200));

    assertThatThrownBy(() -> transport.send(ApiRequest.get("/a")))
        .isInstanceOf(java.net.http.HttpTimeoutException.class);
  }

  @Test
  void closingEndsARequestThatWaitsForItsAnswer() throws Exception {
    start(request -> null, Duration.ofMinutes(5));
    CompletableFuture<ApiAnswer> waiting =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return transport.send(ApiRequest.get("/a"));
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
            });
    await().atMost(Duration.ofSeconds(5)).until(() -> server.received().size() == 1);

    transport.close();

    assertThatThrownBy(() -> waiting.get(5, TimeUnit.SECONDS))
        .hasRootCauseInstanceOf(IOException.class);
  }

  private void start(RawHttpServer.Script script) throws IOException {
    start(script, Duration.ofSeconds(5));
  }

  private void start(RawHttpServer.Script script, Duration requestTimeout) throws IOException {
    server = new RawHttpServer(script);
    transport =
        new KeepAliveTransport(
            URI.create(server.baseUrl()), Map.of(), Duration.ofSeconds(5), requestTimeout);
  }

  private static String body(ApiAnswer answer) {
    return new String(answer.body(), StandardCharsets.UTF_8);
  }
}
