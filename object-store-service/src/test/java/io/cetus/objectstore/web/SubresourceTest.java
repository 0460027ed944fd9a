package io.cetus.objectstore.web;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.cetus.objectstore.web.ApiClient.Response;

import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class SubresourceTest extends ApiTest {

  @Test
  void scaleShowsReplicasAndTheSelectorAsText() {
    String ns = newNamespace();
    api.post("/apis/apps/v1/namespaces/" + ns + "/deployments", deployment("app", 2));

    Response scale = api.get("/apis/apps/v1/namespaces/" + ns + "/deployments/app/scale");

    assertThat(scale.status()).isEqualTo(200);
    ObjectNode body = scale.json();
    assertThat(body.path("kind").asString()).isEqualTo("Scale");
    assertThat(body.path("apiVersion").asString()).isEqualTo("autoscaling/v1");
    assertThat(body.at("/metadata/name").asString()).isEqualTo("app");
    assertThat(body.at("/spec/replicas").asInt()).isEqualTo(2);
    assertThat(body.at("/status/selector").asString()).isEqualTo("app=app");
  }

  @Test
  void patchingScaleChangesTheReplicasOfTheObject() {
    String ns = newNamespace();
    String path = "/apis/apps/v1/namespaces/" + ns + "/deployments/app";
    api.post("/apis/apps/v1/namespaces/" + ns + "/deployments", deployment("app", 2));

    Response scaled =
        api.patch(path + "/scale", "application/merge-patch+json", "{\"spec\":{\"replicas\":3}}");

    assertThat(scaled.status()).isEqualTo(200);
    assertThat(scaled.json().at("/spec/replicas").asInt()).isEqualTo(3);
    ObjectNode deployment = api.get(path).json();
    assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(3);
    assertThat(deployment.at("/metadata/generation").asLong()).isEqualTo(2);
  }

  @Test
  void replacingScaleWithoutContentTypeHonoursItsResourceVersion() {
    String ns = newNamespace();
    String path = "/apis/apps/v1/namespaces/" + ns + "/replicasets/rs/scale";
    api.post("/apis/apps/v1/namespaces/" + ns + "/replicasets", replicaSet("rs", 2));
    ObjectNode scale = api.get(path).json();
    scale.withObjectProperty("spec").put("replicas", 4);

    Response fresh = put(path, scale);
    Response stale = put(path, scale);

    assertThat(fresh.status()).as(fresh.toString()).isEqualTo(200);
    assertThat(fresh.json().at("/spec/replicas").asInt()).isEqualTo(4);
    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.json().path("reason").asString()).isEqualTo("Conflict");
  }

  @Test
  void negativeReplicasAreInvalid() {
    String ns = newNamespace();
    String path = "/apis/apps/v1/namespaces/" + ns + "/deployments/app/scale";
    api.post("/apis/apps/v1/namespaces/" + ns + "/deployments", deployment("app", 2));

    Response response =
        api.patch(path, "application/merge-patch+json", "{\"spec\":{\"replicas\":-1}}");

    assertThat(response.status()).isEqualTo(422);
  }

  @Test
  void bindingAssignsANodeOnce() {
    String ns = newNamespace();
    String pods = "/api/v1/namespaces/" + ns + "/pods";
    api.post(pods, pod("web"));
    String binding =
        "{\"apiVersion\":\"v1\",\"kind\":\"Binding\",\"metadata\":{\"name\":\"web\"},\"target\":{\"kind\":\"Node\",\"name\":\"node-1\"}}";

    Response bound = api.post(pods + "/web/binding", binding);
    Response again = api.post(pods + "/web/binding", binding.replace("node-1", "node-2"));

    assertThat(bound.status()).isEqualTo(201);
    assertThat(bound.json().path("status").asString()).isEqualTo("Success");
    ObjectNode pod = api.get(pods + "/web").json();
    assertThat(pod.at("/spec/nodeName").asString()).isEqualTo("node-1");
    assertThat(pod.at("/status/conditions/0/type").asString()).isEqualTo("PodScheduled");
    assertThat(again.status()).isEqualTo(409);
  }

  @Test
  void bindingWithoutATargetIsInvalid() {
    String ns = newNamespace();
    api.post("/api/v1/namespaces/" + ns + "/pods", pod("web"));

    Response response =
        api.post(
            "/api/v1/namespaces/" + ns + "/pods/web/binding",
            "{\"apiVersion\":\"v1\",\"kind\":\"Binding\",\"target\":{}}");

    assertThat(response.status()).isEqualTo(422);
  }

  @Test
  void evictionDeletesThePod() {
    String ns = newNamespace();
    api.post("/api/v1/namespaces/" + ns + "/pods", pod("web"));

    Response response =
        api.post(
            "/api/v1/namespaces/" + ns + "/pods/web/eviction",
            "{\"apiVersion\":\"policy/v1\",\"kind\":\"Eviction\",\"metadata\":{\"name\":\"web\"}}");

    assertThat(response.status()).isEqualTo(201);
    assertThat(api.get("/api/v1/namespaces/" + ns + "/pods/web").status()).isEqualTo(404);
  }

  @Test
  void subresourcesAKindDoesNotHaveAreNotFound() {
    String ns = newNamespace();
    api.post("/api/v1/namespaces/" + ns + "/configmaps", configMap("cfg"));

    assertThat(api.get("/api/v1/namespaces/" + ns + "/configmaps/cfg/status").status())
        .isEqualTo(404);
    assertThat(api.get("/api/v1/namespaces/" + ns + "/configmaps/cfg/scale").status())
        .isEqualTo(404);
  }

  private Response put(String path, ObjectNode body) {
    return api.send("PUT", path, null, body.toString().getBytes(StandardCharsets.UTF_8), null);
  }
}
