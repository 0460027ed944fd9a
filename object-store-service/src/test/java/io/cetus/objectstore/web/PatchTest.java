package io.cetus.objectstore.web;

import org.junit.jupiter.api.Test;

import io.cetus.objectstore.web.ApiClient.Response;

import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class PatchTest extends ApiTest {

  @Test
  void mergePatchAddsAndRemovesLabels() {
    String ns = newNamespace();
    String path = "/api/v1/namespaces/" + ns + "/pods/web";
    api.post("/api/v1/namespaces/" + ns + "/pods", pod("web"));

    Response labelled =
        api.patch(
            path,
            "application/merge-patch+json",
            "{\"metadata\":{\"labels\":{\"color\":\"red\"}}}");
    Response unlabelled =
        api.patch(
            path, "application/merge-patch+json", "{\"metadata\":{\"labels\":{\"color\":null}}}");

    assertThat(labelled.status()).isEqualTo(200);
    assertThat(labelled.json().at("/metadata/labels/color").asString()).isEqualTo("red");
    assertThat(labelled.json().at("/metadata/labels/app").asString()).isEqualTo("web");
    assertThat(unlabelled.json().at("/metadata/labels").has("color")).isFalse();
  }

  @Test
  void strategicMergePatchMergesContainersByName() {
    String ns = newNamespace();
    String path = "/apis/apps/v1/namespaces/" + ns + "/deployments/app";
    api.post("/apis/apps/v1/namespaces/" + ns + "/deployments", deployment("app", 1));

    Response patched =
        api.patch(
            path,
            "application/strategic-merge-patch+json",
            """
            {"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"main"}],
              "containers":[{"name":"main","image":"nginx:1.27"}]}}}}
            """);

    assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
    ObjectNode deployment = patched.json();
    assertThat(deployment.at("/spec/template/spec/containers").size()).isEqualTo(1);
    assertThat(deployment.at("/spec/template/spec/containers/0/image").asString())
        .isEqualTo("nginx:1.27");
    assertThat(deployment.at("/metadata/generation").asLong()).isEqualTo(2);
  }

  @Test
  void jsonPatchAppliesOperations() {
    String ns = newNamespace();
    String path = "/api/v1/namespaces/" + ns + "/configmaps/cfg";
    api.post("/api/v1/namespaces/" + ns + "/configmaps", configMap("cfg"));

    Response patched =
        api.patch(
            path,
            "application/json-patch+json",
            "[{\"op\":\"replace\",\"path\":\"/data/a\",\"value\":\"2\"},{\"op\":\"add\",\"path\":\"/data/b\",\"value\":\"3\"}]");
    Response failed =
        api.patch(
            path,
            "application/json-patch+json",
            "[{\"op\":\"test\",\"path\":\"/data/a\",\"value\":\"nope\"}]");

    assertThat(patched.json().at("/data/a").asString()).isEqualTo("2");
    assertThat(patched.json().at("/data/b").asString()).isEqualTo("3");
    assertThat(failed.status()).isEqualTo(422);
  }

  @Test
  void serverSideApplyCreatesThenUpdates() {
    String ns = newNamespace();
    String path = "/api/v1/namespaces/" + ns + "/configmaps/cfg?fieldManager=kubectl&force=false";
    String body =
        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"cfg\",\"namespace\":\""
            + ns
            + "\"},\"data\":{\"a\":\"1\"}}";

    Response created = api.patch(path, "application/apply-patch+yaml", body);
    Response updated =
        api.patch(path, "application/apply-patch+yaml", body.replace("\"1\"", "\"2\""));

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(updated.status()).isEqualTo(200);
    assertThat(updated.json().at("/data/a").asString()).isEqualTo("2");
  }

  @Test
  void patchOfAMissingObjectIsNotFound() {
    String ns = newNamespace();

    Response response =
        api.patch(
            "/api/v1/namespaces/" + ns + "/configmaps/none", "application/merge-patch+json", "{}");

    assertThat(response.status()).isEqualTo(404);
  }

  @Test
  void aPatchedStaleResourceVersionIsConflict() {
    String ns = newNamespace();
    String path = "/api/v1/namespaces/" + ns + "/configmaps/cfg";
    api.post("/api/v1/namespaces/" + ns + "/configmaps", configMap("cfg"));

    Response response =
        api.patch(
            path,
            "application/merge-patch+json",
            "{\"metadata\":{\"resourceVersion\":\"1\"},\"data\":{\"a\":\"x\"}}");

    assertThat(response.status()).isEqualTo(409);
    assertThat(response.json().path("reason").asString()).isEqualTo("Conflict");
  }

  @Test
  void patchingANameIsBadRequest() {
    String ns = newNamespace();
    api.post("/api/v1/namespaces/" + ns + "/configmaps", configMap("cfg"));

    Response response =
        api.patch(
            "/api/v1/namespaces/" + ns + "/configmaps/cfg",
            "application/merge-patch+json",
            "{\"metadata\":{\"name\":\"other\"}}");

    assertThat(response.status()).isEqualTo(400);
  }

  @Test
  void statusPatchChangesOnlyStatus() {
    String ns = newNamespace();
    String path = "/apis/apps/v1/namespaces/" + ns + "/replicasets/rs";
    api.post("/apis/apps/v1/namespaces/" + ns + "/replicasets", replicaSet("rs", 2));

    Response patched =
        api.patch(
            path + "/status",
            "application/merge-patch+json",
            "{\"spec\":{\"replicas\":7},\"status\":{\"replicas\":2,\"readyReplicas\":1}}");

    assertThat(patched.status()).isEqualTo(200);
    assertThat(patched.json().at("/status/readyReplicas").asInt()).isEqualTo(1);
    assertThat(patched.json().at("/spec/replicas").asInt()).isEqualTo(2);
  }
}
