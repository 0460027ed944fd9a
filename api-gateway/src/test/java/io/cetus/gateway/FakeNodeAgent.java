package io.cetus.gateway;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.reactivestreams.Publisher;

import io.cetus.gateway.FakeObjectStore.Recorded;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.WebsocketServerSpec;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;

/**
 * A stand-in for a node agent on a random port: records every request that reaches it and serves
 * pod streams.
 *
 * <ul>
 *   <li>{@code …/log?follow=true} (text): two lines, the second only once the test opened {@link
 *       #streamGate()}; with {@code container=}{@value #QUIET_CONTAINER} status and headers at
 *       once, then nothing until the gate opens, then {@value #QUIET_LINE}; any other {@code
 *       …/log}: {@value #LOG} at once;
 *   <li>WebSocket upgrade on {@code …/exec}, {@code …/attach} or {@code …/portforward}: echoes
 *       frames, speaks only {@value #EXEC_PROTOCOL} and {@value #PORT_FORWARD_PROTOCOL}; on the
 *       text {@code bye} it sends {@code last words} and closes with 1000; on a pod named {@code
 *       forbidden} it refuses with 403;
 *   <li>anything else: 200 {@code {"kind":"Echo"}} with an {@code X-Backend: node-agent} header.
 * </ul>
 */
final class FakeNodeAgent {

  static final String EXEC_PROTOCOL = "v4.channel.k8s.io";
  static final String PORT_FORWARD_PROTOCOL = "SPDY/3.1+portforward.k8s.io";
  static final String QUIET_CONTAINER = "quiet";
  static final String QUIET_LINE = "a line after a long silence\n";
  static final String LOG = "a line from the node agent\n";
  static final int LARGE_MESSAGE_LIMIT = 16 * 1024 * 1024;

  private static final FakeNodeAgent SHARED = new FakeNodeAgent();

  private final List<Recorded> requests = new CopyOnWriteArrayList<>();
  private final AtomicReference<CompletableFuture<Void>> streamGate =
      new AtomicReference<>(new CompletableFuture<>());
  private final DisposableServer server;

  private FakeNodeAgent() {
    server = HttpServer.create().host("127.0.0.1").port(0).handle(this::handle).bindNow();
  }

  /** The agent shared by the gateway tests; {@link GatewayTestSupport} registers its node. */
  static FakeNodeAgent shared() {
    return SHARED;
  }

  int port() {
    return server.port();
  }

  /** Requests received so far whose path and query are exactly {@code uri}. */
  List<Recorded> requestsTo(String uri) {
    return requests.stream().filter(request -> request.uri().equals(uri)).toList();
  }

  Optional<Recorded> lastRequestTo(String uri) {
    List<Recorded> matching = requestsTo(uri);
    return matching.isEmpty() ? Optional.empty() : Optional.of(matching.getLast());
  }

  /** Requests received so far whose path starts with {@code prefix}. */
  List<Recorded> requestsUnder(String prefix) {
    return requests.stream().filter(request -> request.uri().startsWith(prefix)).toList();
  }

  /** A fresh gate; followed logs started from now on send their second line once it completes. */
  CompletableFuture<Void> streamGate() {
    CompletableFuture<Void> gate = new CompletableFuture<>();
    streamGate.set(gate);
    return gate;
  }

  private Publisher<Void> handle(HttpServerRequest request, HttpServerResponse response) {
    String path = request.uri().split("\\?", 2)[0];
    String query = request.uri().contains("?") ? request.uri().split("\\?", 2)[1] : "";
    record(request);
    if ("websocket".equalsIgnoreCase(request.requestHeaders().get("Upgrade"))) {
      return upgrade(response, path);
    }
    if (path.endsWith("/log")
        && query.contains("follow=")
        && query.contains("container=" + QUIET_CONTAINER)) {
      return FakeObjectStore.quiet(response, streamGate.get(), "text/plain", QUIET_LINE);
    }
    if (path.endsWith("/log") && query.contains("follow=true")) {
      return follow(response);
    }
    if (path.endsWith("/log")) {
      return response.header("Content-Type", "text/plain").sendString(Mono.just(LOG));
    }
    return response
        .header("Content-Type", "application/json")
        .header("X-Backend", "node-agent")
        .sendString(Mono.just("{\"kind\":\"Echo\"}"));
  }

  private void record(HttpServerRequest request) {
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (String name : request.requestHeaders().names()) {
      headers.put(name, List.copyOf(request.requestHeaders().getAll(name)));
    }
    requests.add(new Recorded(request.method().name(), request.uri(), headers, new byte[0]));
  }

  /** Flushes each line on its own; the second waits for the test's gate. */
  private Publisher<Void> follow(HttpServerResponse response) {
    CompletableFuture<Void> gate = streamGate.get();
    Flux<ByteBuf> lines =
        Flux.concat(
                Mono.just("first log line\n"),
                Mono.fromFuture(gate).then(Mono.just("second log line\n")))
            .map(line -> Unpooled.copiedBuffer(line, StandardCharsets.UTF_8));
    return response.header("Content-Type", "text/plain").send(lines, buffer -> true);
  }

  private Publisher<Void> upgrade(HttpServerResponse response, String path) {
    if (path.endsWith("/forbidden/exec")) {
      return response
          .status(HttpResponseStatus.FORBIDDEN)
          .header("Content-Type", "application/json")
          .header("X-Backend", "node-agent")
          .sendString(Mono.just(FakeObjectStore.status(403, "exec is forbidden")));
    }
    return response.sendWebsocket(
        FakeNodeAgent::echoUntilBye,
        WebsocketServerSpec.builder()
            .protocols(EXEC_PROTOCOL + "," + PORT_FORWARD_PROTOCOL)
            .maxFramePayloadLength(LARGE_MESSAGE_LIMIT)
            .build());
  }

  private static Publisher<Void> echoUntilBye(WebsocketInbound in, WebsocketOutbound out) {
    // Replies go through a sink, not straight from the inbound flux: ending that flux early would
    // cancel the inbound, and Reactor Netty then closes at once, ahead of "last words".
    Sinks.Many<WebSocketFrame> replies = Sinks.many().unicast().onBackpressureBuffer();
    Mono<Void> read =
        in.receiveFrames()
            .doOnNext(
                frame -> {
                  if (isBye(frame)) {
                    replies.tryEmitNext(new TextWebSocketFrame("last words"));
                    replies.tryEmitComplete();
                  } else {
                    replies.tryEmitNext(frame.retain());
                  }
                })
            .doFinally(signal -> replies.tryEmitComplete())
            .then();
    Mono<Void> write =
        out.sendObject(replies.asFlux()).then().then(Mono.defer(() -> out.sendClose(1000, "done")));
    return Mono.when(read, write);
  }

  private static boolean isBye(WebSocketFrame frame) {
    return frame instanceof TextWebSocketFrame text && text.text().equals("bye");
  }
}
