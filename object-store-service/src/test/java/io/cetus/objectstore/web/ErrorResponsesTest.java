package io.cetus.objectstore.web;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.cetus.objectstore.web.ApiClient.Response;

import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorResponsesTest extends ApiTest {

  @Test
  void malformedJsonIsBadRequestWithoutParserInternals() {
    String ns = newNamespace();

    Response response =
        api.send(
            "POST",
            "/api/v1/namespaces/" + ns + "/pods",
            "application/json",
            "{\"metadata\": {\"name\": \"x\",}".getBytes(StandardCharsets.UTF_8),
            null);

    assertStatus(response, 400, "BadRequest");
    assertThat(response.json().path("message").asString())
        .startsWith("the request body is not valid JSON")
        .doesNotContain("tools.jackson", "java.lang", "Exception");
  }

  @Test
  void nonObjectBodiesAreBadRequest() {
    String ns = newNamespace();

    Response list = api.post("/api/v1/namespaces/" + ns + "/configmaps", "[{\"a\":1}]");
    Response number = api.post("/api/v1/namespaces/" + ns + "/configmaps", "42");
    Response empty = api.post("/api/v1/namespaces/" + ns + "/configmaps", "");

    assertStatus(list, 400, "BadRequest");
    assertThat(list.json().path("message").asString()).contains("not a list");
    assertStatus(number, 400, "BadRequest");
    assertStatus(empty, 400, "BadRequest");
  }

  @Test
  void wrongJsonTypesInMetadataAreBadRequestNamingTheField() {
    String ns = newNamespace();

    Response response =
        api.post(
            "/api/v1/namespaces/" + ns + "/configmaps",
            "{\"metadata\":{\"name\":\"x\",\"labels\":[\"a\"]}}");

    assertStatus(response, 400, "BadRequest");
    assertThat(response.json().path("message").asString()).contains("metadata.labels");
  }

  @Test
  void unknownPathsAndResourcesAreNotFound() {
    for (String path :
        new String[] {
          "/api/v2",
          "/apis/nope.io/v1",
          "/apis/apps/v9/deployments",
          "/api/v1/widgets",
          "/api/v1/namespaces/default/widgets",
          "/api/v1/namespaces/default/pods/x/nonsense",
          "/api/v1/pods/x",
          "/something/else",
          "/openapi/v2"
        }) {
      Response response = api.get(path);

      assertStatus(response, 404, "NotFound");
      assertThat(response.json().path("message").asString())
          .as(path)
          .isEqualTo("the server could not find the requested resource");
    }
  }

  @Test
  void unsupportedVerbsAreMethodNotAllowed() {
    String ns = newNamespace();

    Response putOnCollection =
        api.send(
            "PUT", "/api/v1/namespaces/" + ns + "/pods", "application/json", "{}".getBytes(), null);
    Response postOnObject = api.post("/api/v1/namespaces/" + ns + "/pods/x", "{}");
    Response postAcrossNamespaces = api.post("/api/v1/pods", pod("x").toString());
    Response postOnDiscovery = api.post("/api/v1", "{}");

    assertStatus(putOnCollection, 405, "MethodNotAllowed");
    assertStatus(postOnObject, 405, "MethodNotAllowed");
    assertStatus(postAcrossNamespaces, 405, "MethodNotAllowed");
    assertStatus(postOnDiscovery, 405, "MethodNotAllowed");
  }

  @Test
  void oversizedBodiesAreRequestEntityTooLarge() {
    String ns = newNamespace();
    String huge = "x".repeat(4 * 1024 * 1024);
    String body = "{\"metadata\":{\"name\":\"big\"},\"data\":{\"a\":\"" + huge + "\"}}";

    Response response = api.post("/api/v1/namespaces/" + ns + "/configmaps", body);

    assertStatus(response, 413, "RequestEntityTooLarge");
    assertThat(api.get("/api/v1/namespaces/" + ns + "/configmaps/big").status()).isEqualTo(404);
  }

  @Test
  void unknownContentTypesAreUnsupportedMediaType() {
    String ns = newNamespace();
    byte[] body = configMap("c").toString().getBytes(StandardCharsets.UTF_8);

    Response text =
        api.send("POST", "/api/v1/namespaces/" + ns + "/configmaps", "text/plain", body, null);
    Response patchAsJson =
        api.send(
            "PATCH", "/api/v1/namespaces/" + ns + "/configmaps/c", "application/json", body, null);

    assertStatus(text, 415, "UnsupportedMediaType");
    assertThat(text.json().path("message").asString())
        .isEqualTo(
            "the body of the request was in an unknown format - accepted media types include:"
                + " application/json, application/yaml, application/vnd.kubernetes.protobuf");
    assertStatus(patchAsJson, 415, "UnsupportedMediaType");
  }

  @Test
  void wrongJsonTypesInSpecAreUnprocessableNamingTheField() {
    String ns = newNamespace();

    Response response =
        api.post(
            "/api/v1/namespaces/" + ns + "/services",
            "{\"metadata\":{\"name\":\"web\"},\"spec\":{\"type\":42,\"ports\":[{\"port\":80}]}}");

    assertStatus(response, 422, "Invalid");
    assertThat(response.json().at("/details/causes/0/field").asString()).isEqualTo("spec.type");
    assertThat(api.get("/api/v1/namespaces/" + ns + "/services/web").status()).isEqualTo(404);
  }

  @Test
  void invalidObjectsAreUnprocessableWithCauses() {
    String ns = newNamespace();
    ObjectNode pod = pod("bad");
    ((ObjectNode) pod.withObjectProperty("spec").withArrayProperty("containers").get(0))
        .remove("image");

    Response response = api.post("/api/v1/namespaces/" + ns + "/pods", pod);

    assertStatus(response, 422, "Invalid");
    ObjectNode status = response.json();
    assertThat(status.at("/details/kind").asString()).isEqualTo("Pod");
    assertThat(status.at("/details/name").asString()).isEqualTo("bad");
    assertThat(status.at("/details/causes/0/field").asString())
        .isEqualTo("spec.containers[0].image");
  }

  @Test
  void badQueryParametersAreBadRequestAndUnknownOnesAreIgnored() {
    String ns = newNamespace();

    Response badSelector = api.get("/api/v1/namespaces/" + ns + "/pods?labelSelector=a%20in%20(");
    Response badLimit = api.get("/api/v1/namespaces/" + ns + "/pods?limit=many");
    Response unknown = api.get("/api/v1/namespaces/" + ns + "/pods?timeout=32s&whatever=1");

    assertStatus(badSelector, 400, "BadRequest");
    assertStatus(badLimit, 400, "BadRequest");
    assertThat(unknown.status()).isEqualTo(200);
  }

  @Test
  void theErrorPageIsAStatusToo() {
    Response response = api.get("/error");

    assertThat(response.contentType()).startsWith("application/json");
    assertThat(response.json().path("kind").asString()).isEqualTo("Status");
  }

  private static void assertStatus(Response response, int code, String reason) {
    assertThat(response.status()).as(response.toString()).isEqualTo(code);
    assertThat(response.contentType()).startsWith("application/json");
    ObjectNode status = response.json();
    assertThat(status.path("kind").asString()).isEqualTo("Status");
    assertThat(status.path("apiVersion").asString()).isEqualTo("v1");
    assertThat(status.path("status").asString()).isEqualTo("Failure");
    assertThat(status.path("reason").asString()).isEqualTo(reason);
    assertThat(status.path("code").asInt()).isEqualTo(code);
  }
}
