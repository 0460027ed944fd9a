package io.cetus.gateway;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * A stand-in for the object store on a random port: records every request that reaches it and
 * answers by path, the way the real one would.
 *
 * <ul>
 *   <li>{@code …/errors/<code>}: that code with a {@code Status} body and an {@code X-Backend}
 *       header;
 *   <li>{@code GET /api/v1/namespaces/<ns>/pods/<name>} and {@code GET /api/v1/nodes/<name>}: the
 *       object put with {@link #putPod} or {@link #putNode}, else {@code 404} with the {@code
 *       Status} the real store writes ({@link #notFound});
 *   <li>{@code ?watch=true} (JSON): two lines, the second only once the test opened {@link
 *       #streamGate()};
 *   <li>a watch ({@code ?watch=…}) in the namespace {@value #QUIET_NAMESPACE}: status and headers
 *       at once, then nothing until the test opens {@link #streamGate()}, then one event (as {@code
 *       text/event-stream} on a path ending in {@code /sse});
 *   <li>WebSocket upgrade on a watch: two text events, then close 1000;
 *   <li>{@code /openapi/v3/cetus}: a small OpenAPI document;
 *   <li>anything else: 200 {@code {"kind":"Echo"}}.
 * </ul>
 *
 * Pod streams ({@code log}, {@code exec}, …) are the {@link FakeNodeAgent}'s.
 */
final class FakeObjectStore {

  private static final Pattern POD_PATH =
      Pattern.compile("/api/v1/namespaces/([^/]+)/pods/([^/]+)");
  private static final Pattern NODE_PATH = Pattern.compile("/api/v1/nodes/([^/]+)");
  static final String OPENAPI_DOCUMENT =
      """
      {"openapi":"3.0.0","info":{"title":"Cetus","version":"v1"},"servers":[{"url":"/"}],"paths":{}}\
      """;

  /** Watches in this namespace send their headers, then stay quiet until the gate opens. */
  static final String QUIET_NAMESPACE = "quiet";

  static final String QUIET_EVENT = "{\"type\":\"BOOKMARK\"}\n";

  private static final FakeObjectStore SHARED = new FakeObjectStore();

  /** One request as it reached the backend. */
  record Recorded(String method, String uri, Map<String, List<String>> headers, byte[] body) {

    @Nullable String header(String name) {
      List<String> values = headers.get(name);
      return values == null ? null : values.getFirst();
    }
  }

  private final List<Recorded> requests = new CopyOnWriteArrayList<>();
  private final Map<String, String> objects = new ConcurrentHashMap<>();
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

  /** Stores a running pod on {@code node}, or a pending one when {@code node} is null. */
  void putPod(String namespace, String name, @Nullable String node) {
    String spec =
        node == null
            ? "{\"containers\":[{\"name\":\"main\"}]}"
            : "{\"nodeName\":\"" + node + "\",\"containers\":[{\"name\":\"main\"}]}";
    objects.put(
        "/api/v1/namespaces/" + namespace + "/pods/" + name,
        "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\""
            + name
            + "\",\"namespace\":\""
            + namespace
            + "\"},\"spec\":"
            + spec
            + "}");
  }

  /** Stores a Node whose agent listens on {@code address:port}, as the node agent publishes it. */
  void putNode(String name, String address, int port) {
    putNode(
        name,
        "{\"addresses\":[{\"type\":\"InternalIP\",\"address\":\""
            + address
            + "\"},{\"type\":\"Hostname\",\"address\":\""
            + name
            + "\"}],\"daemonEndpoints\":{\"kubeletEndpoint\":{\"Port\":"
            + port
            + "}}}");
  }

  /** Stores a Node with the given {@code status} JSON. */
  void putNode(String name, String status) {
    objects.put(
        "/api/v1/nodes/" + name,
        "{\"apiVersion\":\"v1\",\"kind\":\"Node\",\"metadata\":{\"name\":\""
            + name
            + "\"},\"status\":"
            + status
            + "}");
  }

  void removeNode(String name) {
    objects.remove("/api/v1/nodes/" + name);
  }

  /** The store's answer to a GET of a pod or Node it does not have. */
  static String notFound(String plural, String name) {
    return "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
        + "\"message\":\""
        + plural
        + " \\\""
        + name
        + "\\\" not found\",\"reason\":\"NotFound\",\"details\":{\"name\":\""
        + name
        + "\",\"kind\":\""
        + plural
        + "\"},\"code\":404}";
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
    Matcher pod = POD_PATH.matcher(path);
    Matcher node = NODE_PATH.matcher(path);
    if (request.method().equals("GET") && (pod.matches() || node.matches())) {
      String object = objects.get(path);
      if (object == null) {
        return response
            .status(404)
            .header("Content-Type", "application/json")
            .sendString(
                Mono.just(
                    pod.matches()
                        ? notFound("pods", pod.group(2))
                        : notFound("nodes", node.group(1))));
      }
      return response.header("Content-Type", "application/json").sendString(Mono.just(object));
    }
    if (path.contains("/namespaces/" + QUIET_NAMESPACE + "/") && query.contains("watch=")) {
      // A streaming media type, which the gateway writes flushing each buffer (writeAndFlushWith).
      String contentType = path.endsWith("/sse") ? "text/event-stream" : "application/json";
      return quiet(response, streamGate.get(), contentType, QUIET_EVENT);
    }
    if (query.contains("watch=true")) {
      return stream(
          response, "application/json", "{\"type\":\"ADDED\"}\n", "{\"type\":\"DELETED\"}\n");
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

  /**
   * Sends status and headers at once, as the real store and kube-apiserver do on a watch, then
   * {@code line} once {@code gate} opens, and ends.
   */
  static Publisher<Void> quiet(
      HttpServerResponse response, CompletableFuture<Void> gate, String contentType, String line) {
    return response
        .header("Content-Type", contentType)
        .sendHeaders()
        .then(
            response.send(
                Mono.fromFuture(gate)
                    .then(
                        Mono.fromSupplier(
                            () -> Unpooled.copiedBuffer(line, StandardCharsets.UTF_8)))
                    .flux(),
                buffer -> true));
  }

  private Publisher<Void> upgrade(
      HttpServerRequest request, HttpServerResponse response, String path) {
    return response.sendWebsocket(
        (in, out) ->
            out.sendString(Flux.just("{\"type\":\"ADDED\"}", "{\"type\":\"DELETED\"}"))
                .then()
                .then(Mono.defer(() -> out.sendClose(1000, "watch over"))));
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
