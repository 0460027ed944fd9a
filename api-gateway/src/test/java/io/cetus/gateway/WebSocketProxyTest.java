package io.cetus.gateway;

import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import reactor.core.publisher.Mono;
import reactor.netty.http.client.WebsocketClientSpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * WebSocket upgrades are proxied as WebSockets, negotiated by the backend: exec on the node agent
 * that runs the pod, watches on the object store.
 */
class WebSocketProxyTest extends GatewayTestSupport {

  private static final String EXEC =
      "/api/v1/namespaces/default/pods/web/exec?command=sh&stdin=true";

  @Test
  void execReachesTheNodeAgentWhichChoosesTheSubprotocolAndEchoesFramesBothWays() throws Exception {
    MessageCollector messages = new MessageCollector();
    // The agent speaks only v4: the client must get v4, not its first offer.
    WebSocket socket = connect(EXEC, messages, "v5.channel.k8s.io", FakeNodeAgent.EXEC_PROTOCOL);

    assertThat(socket.getSubprotocol()).isEqualTo(FakeNodeAgent.EXEC_PROTOCOL);
    socket.sendBinary(ByteBuffer.wrap(new byte[] {0, 'h', 'i', '\n'}), true).join();
    socket.sendText("hello", true).join();

    await().atMost(DEADLINE).until(() -> messages.received().size() == 2);
    assertThat(messages.received()).containsExactly("binary:\u0000hi\n", "text:hello");
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
    assertThat(messages.closeCode().get(DEADLINE.toSeconds(), TimeUnit.SECONDS))
        .isEqualTo(WebSocket.NORMAL_CLOSURE);
    assertThat(agent.lastRequestTo(EXEC).orElseThrow().header("Sec-WebSocket-Protocol"))
        .isEqualToIgnoringWhitespace("v5.channel.k8s.io," + FakeNodeAgent.EXEC_PROTOCOL);
    assertThat(store.requestsTo(EXEC)).isEmpty();
  }

  @Test
  void portForwardTunnelKeepsItsSubprotocol() {
    // The JDK's client refuses kubectl's "SPDY/3.1+portforward.k8s.io" (not an HTTP token).
    String portForward = "/api/v1/namespaces/default/pods/web/portforward?ports=8080";

    String answer =
        reactor.netty.http.client.HttpClient.create()
            .websocket(
                WebsocketClientSpec.builder()
                    .protocols(FakeNodeAgent.PORT_FORWARD_PROTOCOL)
                    .build())
            .uri("ws://127.0.0.1:" + port + portForward)
            .handle(
                (in, out) ->
                    out.sendByteArray(Mono.just(new byte[] {1, 2, 3}))
                        .then()
                        .then(in.receive().asByteArray().next())
                        .map(echo -> in.selectedSubprotocol() + " " + Arrays.toString(echo)))
            .blockFirst(DEADLINE);

    assertThat(answer).isEqualTo(FakeNodeAgent.PORT_FORWARD_PROTOCOL + " [1, 2, 3]");
    assertThat(agent.requestsTo(portForward)).hasSize(1);
  }

  @Test
  void aMessageOfOneMebibyteTravelsWhole() throws Exception {
    // A watch event for a large ConfigMap is one message; Netty's default frame limit is 64 KiB.
    byte[] payload = new byte[1024 * 1024];
    Arrays.fill(payload, (byte) 'x');
    MessageCollector messages = new MessageCollector();
    WebSocket socket = connect(EXEC, messages, FakeNodeAgent.EXEC_PROTOCOL);

    socket.sendBinary(ByteBuffer.wrap(payload), true).join();

    await().atMost(DEADLINE).until(() -> messages.received().size() == 1);
    assertThat(messages.received().getFirst()).hasSize("binary:".length() + payload.length);
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
  }

  @Test
  void theLastMessageOfTheNodeAgentArrivesBeforeItsCloseFrame() throws Exception {
    // exec sends the exit status on channel 3 and closes at once; losing it changes the exit code.
    MessageCollector messages = new MessageCollector();
    WebSocket socket = connect(EXEC, messages, FakeNodeAgent.EXEC_PROTOCOL);

    socket.sendText("bye", true).join();

    assertThat(messages.closeCode().get(DEADLINE.toSeconds(), TimeUnit.SECONDS))
        .isEqualTo(WebSocket.NORMAL_CLOSURE);
    assertThat(messages.received()).containsExactly("text:last words");
  }

  @Test
  void plainGetAndWebSocketUpgradeOnTheSameWatchPathBothWork() throws Exception {
    String watch = "/api/v1/namespaces/default/configmaps?resourceVersion=7&watch=true";
    store.streamGate().complete(null);

    HttpResponse<String> plain = get(watch);
    MessageCollector messages = new MessageCollector();
    connect(watch, messages);

    assertThat(plain.statusCode()).isEqualTo(200);
    assertThat(plain.body()).isEqualTo("{\"type\":\"ADDED\"}\n{\"type\":\"DELETED\"}\n");
    assertThat(messages.closeCode().get(DEADLINE.toSeconds(), TimeUnit.SECONDS))
        .isEqualTo(WebSocket.NORMAL_CLOSURE);
    assertThat(messages.received())
        .containsExactly("text:{\"type\":\"ADDED\"}", "text:{\"type\":\"DELETED\"}");
    assertThat(store.requestsTo(watch)).hasSize(2);
  }

  @Test
  void upgradeRefusedByTheNodeAgentKeepsItsStatusCode() {
    // kubectl falls back to SPDY, and fabric8 to a plain watch, only on a non-101 answer.
    Throwable failure =
        catchThrowable(
            () ->
                connect(
                    "/api/v1/namespaces/default/pods/forbidden/exec?command=date",
                    new MessageCollector(),
                    FakeNodeAgent.EXEC_PROTOCOL));

    assertThat(failure).hasCauseInstanceOf(WebSocketHandshakeException.class);
    HttpResponse<?> answer = ((WebSocketHandshakeException) failure.getCause()).getResponse();
    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(answer.headers().firstValue("X-Backend")).hasValue("node-agent");
    assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json");
  }

  private WebSocket connect(String pathAndQuery, MessageCollector messages, String... protocols)
      throws Exception {
    WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(DEADLINE);
    if (protocols.length > 0) {
      builder.subprotocols(protocols[0], Arrays.copyOfRange(protocols, 1, protocols.length));
    }
    URI uri = URI.create("ws://127.0.0.1:" + port + pathAndQuery);
    return builder.buildAsync(uri, messages).get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
  }

  /** Records whole messages as {@code text:…} or {@code binary:…} (bytes as ISO-8859-1). */
  private static final class MessageCollector implements WebSocket.Listener {

    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder binary = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        messages.add("text:" + text);
        text.setLength(0);
      }
      socket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket socket, ByteBuffer data, boolean last) {
      while (data.hasRemaining()) {
        binary.append((char) (data.get() & 0xff));
      }
      if (last) {
        messages.add("binary:" + binary);
        binary.setLength(0);
      }
      socket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
      closeCode.complete(statusCode);
      return null;
    }

    @Override
    public void onError(WebSocket socket, Throwable error) {
      closeCode.completeExceptionally(error);
    }

    List<String> received() {
      return messages;
    }

    CompletableFuture<Integer> closeCode() {
      return closeCode;
    }
  }
}
