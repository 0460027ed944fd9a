package io.cetus.objectstore.service;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.cetus.objectstore.web.ApiClient;
import io.cetus.objectstore.web.ApiClient.Response;
import io.cetus.objectstore.web.ApiClient.WatchStream;
import io.cetus.objectstore.web.ApiTest;

import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class DeletionTest extends ApiTest {

  @Test
  void anObjectWithFinalizersStaysUntilTheLastIsRemoved() {
    String ns = newNamespace();
    String path = "/api/v1/namespaces/" + ns + "/configmaps/held";
    ObjectNode held = configMap("held");
    held.withObjectProperty("metadata")
        .putArray("finalizers")
        .add("example.com/a")
        .add("example.com/b");
    api.post("/api/v1/namespaces/" + ns + "/configmaps", held);

    Response deleted = api.delete(path);
    Response stillThere = api.get(path);
    api.patch(
        path,
        "application/json-patch+json",
        "[{\"op\":\"replace\",\"path\":\"/metadata/finalizers\",\"value\":[\"example.com/b\"]}]");
    Response afterFirst = api.get(path);
    api.patch(
        path,
        "application/json-patch+json",
        "[{\"op\":\"remove\",\"path\":\"/metadata/finalizers\"}]");

    assertThat(deleted.status()).isEqualTo(200);
    assertThat(deleted.json().at("/metadata/deletionTimestamp").isString()).isTrue();
    assertThat(stillThere.status()).isEqualTo(200);
    assertThat(afterFirst.status()).isEqualTo(200);
    assertThat(api.get(path).status()).isEqualTo(404);
  }

  @Test
  void noFinalizerCanBeAddedToAnObjectBeingDeleted() {
    String ns = newNamespace();
    String path = "/api/v1/namespaces/" + ns + "/configmaps/held";
    ObjectNode held = configMap("held");
    held.withObjectProperty("metadata").putArray("finalizers").add("example.com/a");
    api.post("/api/v1/namespaces/" + ns + "/configmaps", held);
    api.delete(path);

    Response response =
        api.patch(
            path,
            "application/merge-patch+json",
            "{\"metadata\":{\"finalizers\":[\"example.com/a\",\"example.com/new\"]}}");

    assertThat(response.status()).isEqualTo(422);
  }

  @Test
  void aPodBoundToANodeIsDeletedGracefullyAndGoesWhenItsAgentFinishes() {
    String ns = newNamespace();
    String pods = "/api/v1/namespaces/" + ns + "/pods";
    ObjectNode pod = pod("web");
    pod.withObjectProperty("spec")
        .put("nodeName", "node-1")
        .put("terminationGracePeriodSeconds", 20);
    api.post(pods, pod);
    String rv = api.get(pods).json().at("/metadata/resourceVersion").asString();

    try (WatchStream watch = api.watch(pods + "?watch=true&resourceVersion=" + rv, null)) {
      Response marked = api.delete(pods + "/web", "{\"propagationPolicy\":\"Background\"}");
      Response stillThere = api.get(pods + "/web");
      Response removed = api.delete(pods + "/web", "{\"gracePeriodSeconds\":0}");

      assertThat(marked.status()).isEqualTo(200);
      assertThat(marked.json().at("/metadata/deletionGracePeriodSeconds").asLong()).isEqualTo(20);
      assertThat(marked.json().at("/metadata/deletionTimestamp").isString()).isTrue();
      assertThat(stillThere.status()).isEqualTo(200);
      assertThat(removed.status()).isEqualTo(200);
      assertThat(api.get(pods + "/web").status()).isEqualTo(404);
      assertThat(watch.next(Duration.ofSeconds(10)).path("type").asString()).isEqualTo("MODIFIED");
      assertThat(watch.next(Duration.ofSeconds(10)).path("type").asString()).isEqualTo("DELETED");
    }
  }

  @Test
  void anUnboundPodGoesAtOnce() {
    String ns = newNamespace();
    String pods = "/api/v1/namespaces/" + ns + "/pods";
    api.post(pods, pod("web"));

    Response deleted = api.delete(pods + "/web");

    assertThat(deleted.status()).isEqualTo(200);
    assertThat(api.get(pods + "/web").status()).isEqualTo(404);
  }

  @Test
  void preconditionsThatDoNotHoldAreConflicts() {
    String ns = newNamespace();
    String path = "/api/v1/namespaces/" + ns + "/configmaps/cfg";
    api.post("/api/v1/namespaces/" + ns + "/configmaps", configMap("cfg"));

    Response wrongUid = api.delete(path, "{\"preconditions\":{\"uid\":\"not-the-uid\"}}");
    Response wrongVersion = api.delete(path, "{\"preconditions\":{\"resourceVersion\":\"1\"}}");

    assertThat(wrongUid.status()).isEqualTo(409);
    assertThat(wrongVersion.status()).isEqualTo(409);
    assertThat(api.get(path).status()).isEqualTo(200);
  }

  @Test
  void dryRunDeletesNothing() {
    String ns = newNamespace();
    String path = "/api/v1/namespaces/" + ns + "/configmaps/cfg";
    api.post("/api/v1/namespaces/" + ns + "/configmaps", configMap("cfg"));

    Response response = api.delete(path + "?dryRun=All");

    assertThat(response.status()).isEqualTo(200);
    assertThat(api.get(path).status()).isEqualTo(200);
  }

  @Test
  void anUnknownPropagationPolicyIsBadRequest() {
    String ns = newNamespace();
    api.post("/api/v1/namespaces/" + ns + "/configmaps", configMap("cfg"));

    Response response =
        api.delete(
            "/api/v1/namespaces/" + ns + "/configmaps/cfg", "{\"propagationPolicy\":\"Sideways\"}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(ApiClient.json(response.body()).path("kind").asString()).isEqualTo("Status");
  }
}
