package io.cetus.gateway;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;

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
 * A stand-in for the object store on a random port: records every request that reaches it and
 * answers by path, the way the real one would.
 *
 * <ul>
 *   <li>{@code …/errors/<code>}: that code with a {@code Status} body and an {@code X-Backend}
 *       header;
 *   <li>{@code ?watch=true} (JSON) and {@code …/log?follow=true} (text): two lines, the second only
 *       once the test opened {@link #streamGate()};
 *   <li>WebSocket upgrade on {@code …/exec}: echoes frames, speaks only {@value #EXEC_PROTOCOL}; on
 *       the text {@code bye} it sends {@code last words} and closes with 1000; on a pod named
 *       {@code forbidden} it refuses with 403;
 *   <li>WebSocket upgrade on a watch: two text events, then close 1000;
 *   <li>{@code /openapi/v3/cetus}: a small OpenAPI document;
 *   <li>anything else: 200 {@code {"kind":"Echo"}}.
 * </ul>
 */
final class FakeObjectStore {

  static final String EXEC_PROTOCOL = "v4.channel.k8s.io";
  static final int LARGE_MESSAGE_LIMIT = 16 * 1024 * 1024;
  static final String OPENAPI_DOCUMENT =
      """
      {"openapi":"3.0.0","info":{"title":"Cetus","version":"v1"},"servers":[{"url":"/"}],"paths":{}}\
      """;

  private static final FakeObjectStore SHARED = new FakeObjectStore();

  /** One request as it reached the backend. */
  record Recorded(String method, String uri, Map<String, List<String>> headers, byte[] body) {

    @Nullable String header(String name) {
      List<String> values = headers.get(name);
      return values == null ? null : values.getFirst();
    }
  }

  private final List<Recorded> requests = new CopyOnWriteArrayList<>();
  private final AtomicReference<CompletableFuture<Void>> streamGate =
      new AtomicReference<>(new CompletableFuture<>());
  private final DisposableServer server;

  private FakeObjectStore() {
    server = HttpServer.create().host("127.0.0.1").port(0).handle(this::handle).bindNow();
  }

  /** The store shared by the gateway tests, so they share one application context. */
  static FakeObjectStore shared() {
    return SHARED;
  }

  String url() {
    return "http://127.0.0.1:" + server.port();
  }

  /** Requests received so far whose path and query are exactly {@code uri}. */
  List<Recorded> requestsTo(String uri) {
    return requests.stream().filter(request -> request.uri().equals(uri)).toList();
  }

  Optional<Recorded> lastRequestTo(String uri) {
    List<Recorded> matching = requestsTo(uri);
    return matching.isEmpty() ? Optional.empty() : Optional.of(matching.getLast());
  }

  /** A fresh gate; streams started from now on send their second line once it completes. */
  CompletableFuture<Void> streamGate() {
    CompletableFuture<Void> gate = new CompletableFuture<>();
    streamGate.set(gate);
    return gate;
  }

  private Publisher<Void> handle(HttpServerRequest request, HttpServerResponse response) {
    String path = request.uri().split("\\?", 2)[0];
    boolean upgrade = "websocket".equalsIgnoreCase(request.requestHeaders().get("Upgrade"));
    if (upgrade) {
      record(request, new byte[0]);
      return upgrade(request, response, path);
    }
    return request
        .receive()
        .aggregate()
        .asByteArray()
        .defaultIfEmpty(new byte[0])
        .flatMap(body -> Mono.from(answer(record(request, body), response, path)));
  }

  private Recorded record(HttpServerRequest request, byte[] body) {
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (String name : request.requestHeaders().names()) {
      headers.put(name, List.copyOf(request.requestHeaders().getAll(name)));
    }
    Recorded recorded = new Recorded(request.method().name(), request.uri(), headers, body);
    requests.add(recorded);
    return recorded;
  }

  private Publisher<Void> answer(Recorded request, HttpServerResponse response, String path) {
    String query = request.uri().contains("?") ? request.uri().split("\\?", 2)[1] : "";
    if (path.contains("/errors/")) {
      int code = Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
      return response
          .status(code)
          .header("Content-Type", "application/json")
          .header("X-Backend", "object-store")
          .sendString(Mono.just(status(code, "from the backend")));
    }
    if (query.contains("watch=true")) {
      return stream(
          response, "application/json", "{\"type\":\"ADDED\"}\n", "{\"type\":\"DELETED\"}\n");
    }
    if (path.endsWith("/log") && query.contains("follow=true")) {
      return stream(response, "text/plain", "first log line\n", "second log line\n");
    }
    if (path.equals("/openapi/v3/cetus")) {
      return response
          .header("Content-Type", "application/json")
          .sendString(Mono.just(OPENAPI_DOCUMENT));
    }
    return response
        .header("Content-Type", "application/json")
        .sendString(Mono.just("{\"kind\":\"Echo\"}"));
  }

  /** Flushes each line on its own; the second waits for the test's gate. */
  private Publisher<Void> stream(
      HttpServerResponse response, String contentType, String first, String second) {
    CompletableFuture<Void> gate = streamGate.get();
    Flux<ByteBuf> lines =
        Flux.concat(Mono.just(first), Mono.fromFuture(gate).then(Mono.just(second)))
            .map(line -> Unpooled.copiedBuffer(line, StandardCharsets.UTF_8));
    return response.header("Content-Type", contentType).send(lines, buffer -> true);
  }

  private Publisher<Void> upgrade(
      HttpServerRequest request, HttpServerResponse response, String path) {
    if (path.endsWith("/forbidden/exec")) {
      return response
          .status(HttpResponseStatus.FORBIDDEN)
          .header("Content-Type", "application/json")
          .header("X-Backend", "object-store")
          .sendString(Mono.just(status(403, "exec is forbidden")));
    }
    if (path.endsWith("/exec")) {
      return response.sendWebsocket(
          FakeObjectStore::echoUntilBye,
          WebsocketServerSpec.builder()
              .protocols(EXEC_PROTOCOL)
              .maxFramePayloadLength(LARGE_MESSAGE_LIMIT)
              .build());
    }
    return response.sendWebsocket(
        (in, out) ->
            out.sendString(Flux.just("{\"type\":\"ADDED\"}", "{\"type\":\"DELETED\"}"))
                .then()
                .then(Mono.defer(() -> out.sendClose(1000, "watch over"))));
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

  static String status(int code, String message) {
    return "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
        + "\"message\":\""
        + message
        + "\",\"code\":"
        + code
        + "}";
  }
}
