package io.cetus.nodeagent.web;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.cetus.api.json.Json;

import tools.jackson.databind.JsonNode;

/**
 * A remote-command client on the JDK's WebSocket, as kubectl speaks it: offers one subprotocol,
 * collects what arrives per channel, and records the close code.
 */
final class ChannelClient implements WebSocket.Listener {

  /** One message: its channel and payload. */
  record Frame(int channel, byte[] payload) {
    String text() {
      return new String(payload, StandardCharsets.UTF_8);
    }
  }

  private final List<Frame> frames = new CopyOnWriteArrayList<>();
  private final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
  private WebSocket socket;

  static ChannelClient connect(URI uri, String protocol) throws Exception {
    ChannelClient client = new ChannelClient();
    client.socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .subprotocols(protocol)
            .connectTimeout(Duration.ofSeconds(10))
            .buildAsync(uri, client)
            .get(10, TimeUnit.SECONDS);
    return client;
  }

  String protocol() {
    return socket.getSubprotocol();
  }

  void send(int channel, byte... payload) throws Exception {
    ByteBuffer frame = ByteBuffer.allocate(payload.length + 1);
    frame.put((byte) channel).put(payload).flip();
    socket.sendBinary(frame, true).get(10, TimeUnit.SECONDS);
  }

  void send(int channel, String text) throws Exception {
    send(channel, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Waits for the server's close frame and returns its code. */
  int awaitClose() throws Exception {
    return closed.get(20, TimeUnit.SECONDS);
  }

  String text(int channel) {
    StringBuilder out = new StringBuilder();
    frames.stream().filter(f -> f.channel() == channel).forEach(f -> out.append(f.text()));
    return out.toString();
  }

  /** The one status on channel 3. */
  JsonNode status() {
    return Json.mapper().readTree(text(3));
  }

  List<Frame> frames() {
    return frames;
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    webSocket.request(1);
  }

  @Override
  public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
    byte[] bytes = new byte[data.remaining()];
    data.get(bytes);
    synchronized (partial) {
      partial.writeBytes(bytes);
      if (last) {
        byte[] message = partial.toByteArray();
        partial.reset();
        byte[] payload = new byte[message.length - 1];
        System.arraycopy(message, 1, payload, 0, payload.length);
        frames.add(new Frame(message[0] & 0xff, payload));
      }
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closed.complete(statusCode);
    return webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "");
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closed.completeExceptionally(error);
  }
}
