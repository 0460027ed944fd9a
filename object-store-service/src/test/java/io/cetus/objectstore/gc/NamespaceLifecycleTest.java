package io.cetus.objectstore.gc;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.cetus.objectstore.web.ApiClient.Response;
import io.cetus.objectstore.web.ApiTest;

import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class NamespaceLifecycleTest extends ApiTest {

  private static final Duration WAIT = Duration.ofSeconds(15);

  @Test
  void theDefaultNamespacesExist() {
    for (String name : DefaultNamespaces.NAMES) {
      Response namespace = api.get("/api/v1/namespaces/" + name);

      assertThat(namespace.status()).as(name).isEqualTo(200);
      assertThat(namespace.json().at("/status/phase").asString()).isEqualTo("Active");
    }
  }

  @Test
  void deletingANamespaceRemovesItsContentAndThenItself() {
    String ns = newNamespace();
    api.post("/api/v1/namespaces/" + ns + "/configmaps", configMap("cfg"));
    api.post("/api/v1/namespaces/" + ns + "/pods", pod("web"));
    api.post("/apis/apps/v1/namespaces/" + ns + "/deployments", deployment("app", 1));

    Response deleted = api.delete("/api/v1/namespaces/" + ns);

    assertThat(deleted.status()).isEqualTo(200);
    assertThat(deleted.json().at("/status/phase").asString()).isEqualTo("Terminating");
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> assertThat(api.get("/api/v1/namespaces/" + ns).status()).isEqualTo(404));
    assertThat(
            api.get("/api/v1/namespaces/" + ns + "/configmaps").json().withArrayProperty("items"))
        .isEmpty();
    assertThat(api.get("/api/v1/namespaces/" + ns + "/pods").json().withArrayProperty("items"))
        .isEmpty();
    assertThat(
            api.get("/apis/apps/v1/namespaces/" + ns + "/deployments")
                .json()
                .withArrayProperty("items"))
        .isEmpty();
  }

  @Test
  void aTerminatingNamespaceRefusesNewContentUntilItIsGone() {
    String ns = newNamespace();
    ObjectNode held = configMap("held");
    held.withObjectProperty("metadata").putArray("finalizers").add("example.com/hold");
    api.post("/api/v1/namespaces/" + ns + "/configmaps", held);

    api.delete("/api/v1/namespaces/" + ns);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(
                        api.get("/api/v1/namespaces/" + ns + "/configmaps/held")
                            .json()
                            .at("/metadata/deletionTimestamp")
                            .isString())
                    .isTrue());
    Response refused = api.post("/api/v1/namespaces/" + ns + "/configmaps", configMap("new"));
    api.patch(
        "/api/v1/namespaces/" + ns + "/configmaps/held",
        "application/merge-patch+json",
        "{\"metadata\":{\"finalizers\":null}}");

    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().path("reason").asString()).isEqualTo("Forbidden");
    assertThat(refused.json().path("message").asString())
        .isEqualTo(
            "unable to create new content in namespace " + ns + " because it is being terminated");
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> assertThat(api.get("/api/v1/namespaces/" + ns).status()).isEqualTo(404));
  }

  @Test
  void theDefaultNamespaceCannotBeDeleted() {
    Response response = api.delete("/api/v1/namespaces/default");

    assertThat(response.status()).isEqualTo(403);
    assertThat(api.get("/api/v1/namespaces/default").json().at("/status/phase").asString())
        .isEqualTo("Active");
  }
}
