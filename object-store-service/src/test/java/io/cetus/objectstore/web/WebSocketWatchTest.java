package io.cetus.objectstore.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebSocketWatchTest extends ApiTest {

  private static final String CLOSED = "\u0000closed";

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void watchOverWebSocketSendsOneEventPerTextFrame() throws InterruptedException {
    String ns = newNamespace();
    String path = "/api/v1/namespaces/" + ns + "/configmaps";
    api.post(path, configMap("before"));
    Frames frames = new Frames();

    WebSocket socket = connect(path + "?watch=true", frames);
    ObjectNode initial = frames.next();
    api.post(path, configMap("after"));
    ObjectNode added = frames.next();

    assertThat(initial.path("type").asString()).isEqualTo("ADDED");
    assertThat(initial.at("/object/metadata/name").asString()).isEqualTo("before");
    assertThat(added.path("type").asString()).isEqualTo("ADDED");
    assertThat(added.at("/object/metadata/name").asString()).isEqualTo("after");
    assertThat(added.at("/object/kind").asString()).isEqualTo("ConfigMap");
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
  }

  @Test
  void theServerClosesTheSocketWhenTheWatchEnds() throws InterruptedException {
    String ns = newNamespace();
    Frames frames = new Frames();

    connect("/api/v1/namespaces/" + ns + "/configmaps?watch=true&timeoutSeconds=1", frames);

    assertThat(frames.poll()).isEqualTo(CLOSED);
  }

  @Test
  void upgradesOfRequestsThatAreNotWatchesGetAnOrdinaryAnswer() {
    String ns = newNamespace();

    assertThatThrownBy(() -> connect("/api/v1/namespaces/" + ns + "/configmaps", new Frames()))
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOfSatisfying(
            WebSocketHandshakeException.class,
            e -> assertThat(e.getResponse().statusCode()).isEqualTo(200));
  }

  @Test
  void watchUpgradesOfUnknownResourcesAreRefusedWithAStatus() {
    assertThatThrownBy(() -> connect("/api/v1/namespaces/default/widgets?watch=true", new Frames()))
        .cause()
        .isInstanceOfSatisfying(
            WebSocketHandshakeException.class,
            e -> assertThat(e.getResponse().statusCode()).isEqualTo(404));
  }

  private WebSocket connect(String path, Frames frames) {
    return http.newWebSocketBuilder()
        .connectTimeout(Duration.ofSeconds(5))
        .buildAsync(URI.create("ws://127.0.0.1:" + port + path), frames)
        .join();
  }

  /** Collects whole text messages. */
  private static final class Frames implements WebSocket.Listener {

    private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        messages.add(partial.toString());
        partial.setLength(0);
      }
      socket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket socket, int status, String reason) {
      messages.add(CLOSED);
      return null;
    }

    String poll() throws InterruptedException {
      String message = messages.poll(10, TimeUnit.SECONDS);
      return message == null ? "" : message;
    }

    ObjectNode next() throws InterruptedException {
      String message = poll();
      assertThat(message).isNotIn("", CLOSED);
      return ApiClient.json(message);
    }
  }
}
