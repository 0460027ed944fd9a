package io.cetus.gateway;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.cetus.gateway.FakeObjectStore.Recorded;

import static org.assertj.core.api.Assertions.assertThat;

/** Plain HTTP requests pass through the gateway to the object store and back unchanged. */
class HttpProxyTest extends GatewayTestSupport {

  @Test
  void pathQueryAndHeadersReachTheObjectStoreUnchanged() throws Exception {
    String uri =
        "/api/v1/namespaces/default/pods?labelSelector=app%3Dweb%2Ctier+in+%28a%2Cb%29"
            + "&fieldSelector=status.phase%21%3DRunning&limit=500";
    String tableAccept =
        "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;"
            + "g=meta.k8s.io,application/json";

    HttpResponse<String> response =
        http.send(
            request(uri)
                .header("Accept", tableAccept)
                .header("User-Agent", "kubectl/v1.32.4 (linux/amd64) kubernetes/4cb5f07")
                .header("Kubectl-Command", "kubectl get")
                .header("Authorization", "Bearer s3cret")
                .header("X-Multi", "one")
                .header("X-Multi", "two")
                .GET()
                .build(),
            BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"kind\":\"Echo\"}");
    Recorded received = store.lastRequestTo(uri).orElseThrow();
    assertThat(received.method()).isEqualTo("GET");
    assertThat(received.header("Accept")).isEqualTo(tableAccept);
    assertThat(received.header("User-Agent")).startsWith("kubectl/v1.32.4");
    assertThat(received.header("Kubectl-Command")).isEqualTo("kubectl get");
    assertThat(received.header("Authorization")).isEqualTo("Bearer s3cret");
    assertThat(received.headers().get("X-Multi")).containsExactly("one", "two");
  }

  static Stream<Arguments> writes() {
    byte[] protobuf = new byte[4 * 1024 * 1024 + 17];
    new Random(42).nextBytes(protobuf);
    byte[] yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n".getBytes();
    byte[] patch = "{\"spec\":{\"replicas\":3}}".getBytes(StandardCharsets.UTF_8);
    return Stream.of(
        Arguments.of("POST", "application/vnd.kubernetes.protobuf", protobuf),
        Arguments.of("POST", "application/yaml", yaml),
        Arguments.of("PATCH", "application/strategic-merge-patch+json", patch),
        Arguments.of("PATCH", "application/apply-patch+yaml", patch),
        Arguments.of(
            "DELETE", "application/json", "{\"propagationPolicy\":\"Foreground\"}".getBytes()));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("writes")
  void requestBodiesArriveByteForByteWithTheirContentType(
      String method, String contentType, byte[] body) throws Exception {
    String uri =
        "/apis/apps/v1/namespaces/default/deployments?fieldManager=kubectl-create&body="
            + method
            + body.length;

    HttpResponse<String> response =
        http.send(
            request(uri)
                .header("Content-Type", contentType)
                .method(method, BodyPublishers.ofByteArray(body))
                .build(),
            BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    Recorded received = store.lastRequestTo(uri).orElseThrow();
    assertThat(received.method()).isEqualTo(method);
    assertThat(received.header("Content-Type")).isEqualTo(contentType);
    assertThat(received.body()).isEqualTo(body);
  }

  @Test
  void requestWithoutContentTypeReachesTheObjectStoreWithoutOne() throws Exception {
    // kubectl scale --current-replicas sends its JSON body with no Content-Type at all.
    String uri = "/apis/apps/v1/namespaces/default/deployments/web/scale";
    byte[] body = "{\"spec\":{\"replicas\":3}}".getBytes(StandardCharsets.UTF_8);

    HttpResponse<String> response =
        http.send(
            request(uri).PUT(BodyPublishers.ofByteArray(body)).build(), BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    Recorded received = store.lastRequestTo(uri).orElseThrow();
    assertThat(received.headers()).doesNotContainKey("Content-Type");
    assertThat(received.body()).isEqualTo(body);
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 404, 409, 410, 413, 415, 422, 500, 503})
  void errorAnswersOfTheObjectStorePassThroughUnchanged(int code) throws Exception {
    HttpResponse<String> response = get("/api/v1/namespaces/default/errors/" + code);

    assertThat(response.statusCode()).isEqualTo(code);
    assertThat(response.body()).isEqualTo(FakeObjectStore.status(code, "from the backend"));
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(response.headers().firstValue("X-Backend")).hasValue("object-store");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api",
        "/apis",
        "/version?timeout=5s",
        "/openapi/v2?timeout=32s",
        "/openapi/v3/apis/apps/v1"
      })
  void discoveryAndOpenApiAreServedByTheObjectStore(String uri) throws Exception {
    HttpResponse<String> response = get(uri);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(store.requestsTo(uri)).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/nope", "/apiextras/v1", "/healthz/ready"})
  void unknownPathAnswersNotFoundStatus(String path) throws Exception {
    for (String method : List.of("GET", "POST")) {
      HttpResponse<String> response =
          http.send(
              request(path).method(method, BodyPublishers.ofString("{}")).build(),
              BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
      assertThat(response.body())
          .isEqualTo(
              "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
                  + "\"message\":\"the server could not find the requested resource\","
                  + "\"reason\":\"NotFound\",\"code\":404}");
      assertThat(store.requestsTo(path)).isEmpty();
    }
  }
}
