package io.cetus.e2e.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.cetus.api.json.Json;
import io.cetus.api.resource.ResourceType;
import io.cetus.api.resource.ResourceTypes;
import io.cetus.e2e.support.CetusPlatform;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an operator and a Swagger UI user reach: every service's health and Prometheus metrics, and
 * the API's interactive documentation through the gateway.
 */
@ExtendWith(CetusPlatform.class)
class PlatformEndpointsE2E {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  static Map<String, Integer> services() {
    int base = CetusPlatform.PORT_BASE;
    return Map.of(
        "api-gateway", CetusPlatform.API_PORT,
        "object-store-service", base,
        "scheduler-service", base + 1,
        "replication-service", base + 2,
        "deployment-service", base + 3,
        "service-proxy", base + 4,
        "node-agent", base + 11);
  }

  static Iterable<String> serviceNames() {
    return services().keySet();
  }

  @ParameterizedTest
  @MethodSource("serviceNames")
  void everyServiceReportsHealthAndPrometheusMetrics(String service) throws Exception {
    int port = services().get(service);

    // `cetus up` returns once the API answers; a controller is healthy once its caches are filled.
    await()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(
            () -> {
              HttpResponse<String> health = get(port, "/actuator/health");
              assertThat(health.statusCode())
                  .as(service + " health: " + health.body())
                  .isEqualTo(200);
              assertThat(Json.mapper().readTree(health.body()).path("status").asString())
                  .isEqualTo("UP");
            });
    HttpResponse<String> metrics = get(port, "/actuator/prometheus");
    assertThat(metrics.statusCode()).as(service + " metrics").isEqualTo(200);
    assertThat(metrics.body()).contains("jvm_memory_used_bytes");
  }

  @Test
  void swaggerUiThroughTheGatewayDocumentsEveryKind() throws Exception {
    HttpResponse<String> page = get(CetusPlatform.API_PORT, "/swagger-ui/index.html");
    HttpResponse<String> document = get(CetusPlatform.API_PORT, "/openapi/v3/cetus");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("swagger-ui");
    assertThat(document.statusCode()).isEqualTo(200);
    JsonNode openApi = Json.mapper().readTree(document.body());
    for (ResourceType type : ResourceTypes.all()) {
      String collection =
          type.groupVersionPath()
              + (type.namespaced() ? "/namespaces/{namespace}/" : "/")
              + type.plural();
      assertThat(openApi.path("paths").has(collection)).as(collection).isTrue();
      assertThat(openApi.at("/components/schemas").toString()).contains(type.kind());
    }
  }

  private static HttpResponse<String> get(int port, String path)
      throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
