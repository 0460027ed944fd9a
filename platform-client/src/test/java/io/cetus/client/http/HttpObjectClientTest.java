package io.cetus.client.http;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cetus.api.errors.ApiErrors;
import io.cetus.api.errors.ApiException;
import io.cetus.api.errors.Reason;
import io.cetus.api.resource.ResourceTypes;
import io.cetus.api.watch.WatchEvent;
import io.cetus.client.DeleteOptions;
import io.cetus.client.ListOptions;
import io.cetus.client.ObjectList;
import io.cetus.client.PatchType;
import io.cetus.client.PropagationPolicy;
import io.cetus.client.TestObject;
import io.cetus.client.WatchOptions;
import io.cetus.client.WatchStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** What a client sends and how it reads answers, by default over its kept-alive connections. */
class HttpObjectClientTest {

  private static final String CONFLICT =
      """
      {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",
       "message":"Operation cannot be fulfilled on configmaps \\"a\\": the object has been modified",
       "reason":"Conflict","details":{"name":"a","kind":"configmaps"},"code":409}\
      """;

  private final StubApiServer server;
  private final ApiClient api;
  private final HttpObjectClient<TestObject> configMaps;

  HttpObjectClientTest() throws IOException {
    server = new StubApiServer();
    api = clientOf(server.baseUrl()).bearerToken("s3cret").build();
    configMaps = api.objects(ResourceTypes.CONFIG_MAPS, TestObject.class);
  }

  /** The client under test; over plain http, its own kept-alive connections. */
  ApiClient.Builder clientOf(String baseUrl) {
    return ApiClient.builder(baseUrl);
  }

  @AfterEach
  void close() {
    api.close();
    server.close();
  }

  @Test
  void getDecodesTheObjectFromItsNamespacedPath() {
    server.answer(200, json(TestObject.of("red", "a", "7")));

    Optional<TestObject> found = configMaps.get("red", "a");

    assertThat(found).contains(TestObject.of("red", "a", "7"));
    assertThat(server.lastRequest().uri()).isEqualTo("/api/v1/namespaces/red/configmaps/a");
    assertThat(server.lastRequest().auth()).isEqualTo("Bearer s3cret");
  }

  @Test
  void getOfAMissingObjectIsEmpty() {
    server.answer(
        404,
        """
        {"kind":"Status","apiVersion":"v1","status":"Failure","message":"configmaps \\"a\\" not found",
         "reason":"NotFound","code":404}\
        """);

    assertThat(configMaps.get("red", "a")).isEmpty();
  }

  @Test
  void clusterScopedKindsUseTheirPathWithoutNamespace() {
    var nodes = api.objects(ResourceTypes.NODES, TestObject.class);
    server.answer(200, json(TestObject.of(null, "node-1", "3")));

    nodes.get(null, "node-1");

    assertThat(server.lastRequest().uri()).isEqualTo("/api/v1/nodes/node-1");
  }

  @Test
  void groupedKindsUseTheirGroupVersionPath() {
    var deployments = api.objects(ResourceTypes.DEPLOYMENTS, TestObject.class);
    server.answer(200, "{\"kind\":\"DeploymentList\",\"metadata\":{\"resourceVersion\":\"1\"}}");

    deployments.list("red");

    assertThat(server.lastRequest().uri()).isEqualTo("/apis/apps/v1/namespaces/red/deployments");
  }

  @Test
  void conflictKeepsTheStatusReasonMessageAndDetails() {
    server.answer(409, CONFLICT);

    assertThatThrownBy(() -> configMaps.update(TestObject.of("red", "a", "1")))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(ApiErrors.isConflict(e)).isTrue();
              assertThat(e.code()).isEqualTo(409);
              assertThat(e.getMessage()).contains("the object has been modified");
              assertThat(e.status().details().name()).isEqualTo("a");
            });
    assertThat(server.lastRequest().method()).isEqualTo("PUT");
    assertThat(server.lastRequest().contentType()).isEqualTo("application/json");
  }

  @Test
  void errorWithoutAStatusBodyIsNamedByItsHttpCode() {
    server.answer(503, "<html>upstream down</html>");

    assertThatThrownBy(() -> configMaps.list("red"))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.SERVICE_UNAVAILABLE);
              assertThat(e.getMessage()).contains("503").contains("upstream down");
            });
  }

  @Test
  void unreachableServerIsServiceUnavailable() throws IOException {
    int closedPort;
    try (var socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (var unreachable = clientOf("http://127.0.0.1:" + closedPort).build()) {
      var client = unreachable.objects(ResourceTypes.CONFIG_MAPS, TestObject.class);

      assertThatThrownBy(() -> client.get("red", "a"))
          .isInstanceOfSatisfying(
              ApiException.class,
              e -> {
                assertThat(e.reason()).isEqualTo(Reason.SERVICE_UNAVAILABLE);
                assertThat(e.getCause()).isInstanceOf(IOException.class);
              });
    }
  }

  @Test
  void createPostsToTheCollectionOfTheObjectsNamespace() {
    server.answer(201, json(TestObject.of("red", "a", "1")));

    TestObject created = configMaps.create(TestObject.of("red", "a", null));

    assertThat(created.metadata().resourceVersion()).isEqualTo("1");
    assertThat(server.lastRequest().method()).isEqualTo("POST");
    assertThat(server.lastRequest().uri()).isEqualTo("/api/v1/namespaces/red/configmaps");
    assertThat(server.lastRequest().body()).contains("\"name\":\"a\"");
  }

  @Test
  void namespacedKindWithoutNamespaceIsRejectedBeforeAnyRequest() {
    assertThatThrownBy(() -> configMaps.create(TestObject.of(null, "a", null)))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_REQUEST));
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void updateStatusPutsToTheStatusSubresource() {
    server.answer(200, json(TestObject.of("red", "a", "2")));

    configMaps.updateStatus(TestObject.of("red", "a", "1"));

    assertThat(server.lastRequest().uri()).isEqualTo("/api/v1/namespaces/red/configmaps/a/status");
  }

  @Test
  void createSubresourcePostsTheBodyToTheSubresourceOfTheObject() {
    server.answer(201, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Success\"}");
    var pods = api.objects(ResourceTypes.PODS, TestObject.class);

    pods.createSubresource("red", "web", "binding", TestObject.of("red", "web", null));

    assertThat(server.lastRequest().method()).isEqualTo("POST");
    assertThat(server.lastRequest().uri()).isEqualTo("/api/v1/namespaces/red/pods/web/binding");
    assertThat(server.lastRequest().body()).contains("\"name\":\"web\"");
  }

  @Test
  void createSubresourceRefusedByTheServerFailsWithItsStatus() {
    server.answer(409, CONFLICT);
    var pods = api.objects(ResourceTypes.PODS, TestObject.class);

    assertThatThrownBy(
            () -> pods.createSubresource("red", "a", "binding", TestObject.of("red", "a", null)))
        .satisfies(e -> assertThat(ApiErrors.isConflict(e)).isTrue());
  }

  @Test
  void patchSendsTheBodyWithItsContentType() {
    server.answer(200, json(TestObject.of("red", "a", "2")));

    configMaps.patch("red", "a", PatchType.MERGE, "{\"data\":{\"k\":\"v\"}}");

    assertThat(server.lastRequest().method()).isEqualTo("PATCH");
    assertThat(server.lastRequest().contentType()).isEqualTo("application/merge-patch+json");
    assertThat(server.lastRequest().body()).isEqualTo("{\"data\":{\"k\":\"v\"}}");
  }

  @Test
  void deleteSendsThePropagationPolicy() {
    server.answer(200, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Success\"}");

    configMaps.delete("red", "a", DeleteOptions.propagation(PropagationPolicy.FOREGROUND));

    assertThat(server.lastRequest().method()).isEqualTo("DELETE");
    assertThat(server.lastRequest().uri()).isEqualTo("/api/v1/namespaces/red/configmaps/a");
    assertThat(server.lastRequest().body())
        .contains("\"kind\":\"DeleteOptions\"")
        .contains("\"propagationPolicy\":\"Foreground\"");
  }

  @Test
  void deleteOfAMissingObjectFailsWithNotFound() {
    server.answer(404, "{\"kind\":\"Status\",\"reason\":\"NotFound\",\"code\":404}");

    assertThatThrownBy(() -> configMaps.delete("red", "a"))
        .satisfies(e -> assertThat(ApiErrors.isNotFound(e)).isTrue());
  }

  @Test
  void listSendsSelectorsAndPagingAndDecodesThePage() {
    server.answer(
        200,
        """
        {"kind":"ConfigMapList","apiVersion":"v1",
         "metadata":{"resourceVersion":"12","continue":"next-page"},
         "items":[{"metadata":{"name":"a","namespace":"red","resourceVersion":"3"}}]}\
        """);

    ObjectList<TestObject> page =
        configMaps.list(
            "red",
            ListOptions.ALL
                .withLabelSelector("app in (web,api)")
                .withFieldSelector("metadata.name=a")
                .withLimit(1));

    assertThat(page.items()).containsExactly(TestObject.of("red", "a", "3"));
    assertThat(page.resourceVersion()).isEqualTo("12");
    assertThat(page.continueToken()).isEqualTo("next-page");
    assertThat(server.lastRequest().uri())
        .isEqualTo(
            "/api/v1/namespaces/red/configmaps?labelSelector=app%20in%20%28web%2Capi%29"
                + "&fieldSelector=metadata.name%3Da&limit=1");
  }

  @Test
  void watchDeliversEventsAsTheServerFlushesThem() {
    StubApiServer.Stream body = server.stream();
    try (WatchStream<TestObject> watch =
        configMaps.watch("red", WatchOptions.from("5").withBookmarks(true))) {
      body.line(event("ADDED", TestObject.of("red", "a", "6")));

      assertThat(watch.next()).contains(new WatchEvent<>("ADDED", TestObject.of("red", "a", "6")));

      body.line(event("DELETED", TestObject.of("red", "a", "7"))).end();

      assertThat(watch.next())
          .contains(new WatchEvent<>("DELETED", TestObject.of("red", "a", "7")));
      assertThat(watch.next()).isEmpty();
    }
    assertThat(server.lastRequest().uri())
        .isEqualTo(
            "/api/v1/namespaces/red/configmaps?watch=true&resourceVersion=5"
                + "&allowWatchBookmarks=true");
  }

  @Test
  void errorEventIsThrownAsTheStatusItCarries() {
    server.stream()
        .line(
            """
            {"type":"ERROR","object":{"kind":"Status","apiVersion":"v1","status":"Failure",\
            "message":"too old resource version: 2 (5)","reason":"Expired","code":410}}\
            """);

    try (WatchStream<TestObject> watch = configMaps.watch(null, WatchOptions.from("2"))) {
      assertThatThrownBy(watch::next)
          .isInstanceOfSatisfying(
              ApiException.class,
              e -> {
                assertThat(ApiErrors.isGone(e)).isTrue();
                assertThat(e.getMessage()).isEqualTo("too old resource version: 2 (5)");
              });
    }
    assertThat(server.lastRequest().uri())
        .isEqualTo("/api/v1/configmaps?watch=true&resourceVersion=2");
  }

  @Test
  void watchRefusedByTheServerFailsAtOnce() {
    server.answer(
        410, "{\"kind\":\"Status\",\"reason\":\"Gone\",\"code\":410,\"message\":\"gone\"}");

    assertThatThrownBy(() -> configMaps.watch("red", WatchOptions.from("1")))
        .satisfies(e -> assertThat(ApiErrors.isGone(e)).isTrue());
  }

  @Test
  void closeEndsAWaitingNext() throws Exception {
    server.stream();
    WatchStream<TestObject> watch = configMaps.watch("red", WatchOptions.from("1"));
    CompletableFuture<Optional<WatchEvent<TestObject>>> next =
        CompletableFuture.supplyAsync(watch::next);

    watch.close();

    assertThat(next.get(5, TimeUnit.SECONDS)).isEmpty();
  }

  @Test
  void eventsArrivingAfterCloseAreNotDelivered() throws Exception {
    StubApiServer.Stream body = server.stream();
    WatchStream<TestObject> watch = configMaps.watch("red", WatchOptions.from("1"));
    CompletableFuture<Optional<WatchEvent<TestObject>>> next =
        CompletableFuture.supplyAsync(watch::next);

    watch.close();
    body.line(event("ADDED", TestObject.of("red", "late", "2"))).end();

    assertThat(next.get(5, TimeUnit.SECONDS)).isEmpty();
  }

  @Test
  void watchOutlivesTheRequestTimeoutOnceTheServerAnswered() throws Exception {
    try (var impatient =
        clientOf(server.baseUrl()).requestTimeout(Duration.ofMillis(200)).build()) {
      StubApiServer.Stream body = server.stream();
      WatchStream<TestObject> watch =
          impatient
              .objects(ResourceTypes.CONFIG_MAPS, TestObject.class)
              .watch("red", WatchOptions.from("1"));
      CompletableFuture<Optional<WatchEvent<TestObject>>> next =
          CompletableFuture.supplyAsync(watch::next);

      await()
          .during(Duration.ofMillis(500))
          .atMost(Duration.ofSeconds(2))
          .until(() -> !next.isDone());
      body.line(event("ADDED", TestObject.of("red", "a", "2")));

      assertThat(next.get(5, TimeUnit.SECONDS)).isPresent();
      watch.close();
    }
  }

  @Test
  void requestsWithoutAnAnswerTimeOut() {
    try (var impatient =
        clientOf(server.baseUrl()).requestTimeout(Duration.ofMillis(200)).build()) {
      server.stream(); // never answers with a complete body

      assertThatThrownBy(
              () -> impatient.objects(ResourceTypes.CONFIG_MAPS, TestObject.class).list("red"))
          .isInstanceOfSatisfying(
              ApiException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TIMEOUT));
    }
  }

  private static String json(Object value) {
    return io.cetus.api.json.Json.mapper().writeValueAsString(value);
  }

  private static String event(String type, TestObject object) {
    return json(Map.of("type", type, "object", object));
  }
}
