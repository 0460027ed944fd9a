package io.cetus.objectstore.web;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.cetus.objectstore.store.ObjectStore;
import io.cetus.objectstore.web.ApiClient.Response;
import io.cetus.objectstore.web.ApiClient.WatchStream;
import io.cetus.testsupport.redis.RedisServerProcess;

import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The API's main paths through the real Redis store, on a redis-server of the test's own. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ObjectStoreApiIT {

  private static final Duration WAIT = Duration.ofSeconds(15);

  /** Stopped by the JVM's exit, after the application context that uses it has closed. */
  private static RedisServerProcess redis;

  @LocalServerPort int port;
  @Autowired ObjectStore store;
  private ApiClient api;

  @DynamicPropertySource
  static void redis(DynamicPropertyRegistry registry) {
    redis = RedisServerProcess.start();
    registry.add("spring.data.redis.url", redis::uri);
    registry.add("platform.object-store.backend", () -> "redis");
  }

  @BeforeEach
  void connect() {
    api = new ApiClient(port);
  }

  @Test
  void crudWithOptimisticConcurrency() {
    String ns = namespace();
    ObjectNode created =
        api.post("/api/v1/namespaces/" + ns + "/configmaps", configMap("cfg")).json();
    ObjectNode first = created.deepCopy();
    first.withObjectProperty("data").put("a", "2");
    Response updated = api.put("/api/v1/namespaces/" + ns + "/configmaps/cfg", first);
    Response stale = api.put("/api/v1/namespaces/" + ns + "/configmaps/cfg", created);
    Response deleted = api.delete("/api/v1/namespaces/" + ns + "/configmaps/cfg");

    assertThat(updated.status()).isEqualTo(200);
    assertThat(stale.status()).isEqualTo(409);
    assertThat(deleted.status()).isEqualTo(200);
    assertThat(api.get("/api/v1/namespaces/" + ns + "/configmaps/cfg").status()).isEqualTo(404);
  }

  @Test
  void pagedListsAndWatchesFromTheListRevision() {
    String ns = namespace();
    for (int i = 0; i < 5; i++) {
      api.post("/api/v1/namespaces/" + ns + "/configmaps", configMap("cm-" + i));
    }
    ObjectNode page = api.get("/api/v1/namespaces/" + ns + "/configmaps?limit=2").json();
    String token = page.at("/metadata/continue").asString();
    ObjectNode rest =
        api.get("/api/v1/namespaces/" + ns + "/configmaps?limit=10&continue=" + token).json();
    String rv = page.at("/metadata/resourceVersion").asString();

    assertThat(page.withArrayProperty("items")).hasSize(2);
    assertThat(rest.withArrayProperty("items")).hasSize(3);
    try (WatchStream watch =
        api.watch(
            "/api/v1/namespaces/" + ns + "/configmaps?watch=true&resourceVersion=" + rv, null)) {
      api.post("/api/v1/namespaces/" + ns + "/configmaps", configMap("later"));
      ObjectNode event = watch.next(WAIT);

      assertThat(event.path("type").asString()).isEqualTo("ADDED");
      assertThat(event.at("/object/metadata/name").asString()).isEqualTo("later");
    }
  }

  @Test
  void aWatchFromACompactedRevisionIsExpired() {
    String ns = namespace();
    api.post("/api/v1/namespaces/" + ns + "/configmaps", configMap("a"));
    store.compact(store.currentRevision());

    try (WatchStream watch =
        api.watch("/api/v1/namespaces/" + ns + "/configmaps?watch=true&resourceVersion=1", null)) {
      ObjectNode event = watch.next(WAIT);

      assertThat(event.path("type").asString()).isEqualTo("ERROR");
      assertThat(event.at("/object/code").asInt()).isEqualTo(410);
      assertThat(event.at("/object/reason").asString()).isEqualTo("Expired");
    }
  }

  @Test
  void deletingAnOwnerCollectsItsDependentsAndNamespacesEmptyThemselves() {
    String ns = namespace();
    ObjectNode owner =
        api.post(
                "/apis/apps/v1/namespaces/" + ns + "/replicasets",
                ApiClient.json(
                    """
                    {"apiVersion":"apps/v1","kind":"ReplicaSet","metadata":{"name":"rs"},
                     "spec":{"replicas":1,"selector":{"matchLabels":{"app":"rs"}},
                      "template":{"metadata":{"labels":{"app":"rs"}},
                       "spec":{"containers":[{"name":"main","image":"nginx"}]}}}}
                    """))
            .json();
    ObjectNode pod =
        ApiClient.json(
            """
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"rs-a","ownerReferences":[
              {"apiVersion":"apps/v1","kind":"ReplicaSet","name":"rs","uid":"%s","controller":true}]},
             "spec":{"containers":[{"name":"main","image":"nginx"}]}}
            """
                .formatted(owner.at("/metadata/uid").asString()));
    api.post("/api/v1/namespaces/" + ns + "/pods", pod);
    api.post("/api/v1/namespaces/" + ns + "/configmaps", configMap("cfg"));

    api.delete("/apis/apps/v1/namespaces/" + ns + "/replicasets/rs");
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(api.get("/api/v1/namespaces/" + ns + "/pods/rs-a").status())
                    .isEqualTo(404));
    api.delete("/api/v1/namespaces/" + ns);

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> assertThat(api.get("/api/v1/namespaces/" + ns).status()).isEqualTo(404));
    assertThat(api.get("/api/v1/namespaces/" + ns + "/configmaps/cfg").status()).isEqualTo(404);
  }

  @Test
  void theDefaultNamespacesExist() {
    assertThat(api.get("/api/v1/namespaces/default").status()).isEqualTo(200);
    assertThat(api.get("/api/v1/namespaces/kube-system").status()).isEqualTo(200);
  }

  private String namespace() {
    String name = "it-" + UUID.randomUUID().toString().substring(0, 8);
    Response created = api.post("/api/v1/namespaces", "{\"metadata\":{\"name\":\"" + name + "\"}}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return name;
  }

  private static ObjectNode configMap(String name) {
    return ApiClient.json(
        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\""
            + name
            + "\"},\"data\":{\"a\":\"1\"}}");
  }
}
