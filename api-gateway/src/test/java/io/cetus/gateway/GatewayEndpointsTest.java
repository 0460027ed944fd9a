package io.cetus.gateway;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The gateway's own endpoints: Swagger UI, actuator, and the redirect from {@code /}. */
class GatewayEndpointsTest extends GatewayTestSupport {

  private static final JsonMapper json = JsonMapper.builder().build();

  private static final HttpClient following =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NORMAL)
          .build();

  @Test
  void swaggerUiPageLoads() throws Exception {
    HttpResponse<String> page =
        following.send(request("/swagger-ui.html").GET().build(), BodyHandlers.ofString());

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.uri().getPath()).isEqualTo("/swagger-ui/index.html");
    assertThat(page.body()).contains("<div id=\"swagger-ui\">");
  }

  @Test
  void swaggerUiIsConfiguredWithTheObjectStoreDocumentOnly() throws Exception {
    HttpResponse<String> config = get("/v3/api-docs/swagger-config");

    assertThat(config.statusCode()).isEqualTo(200);
    JsonNode body = json.readTree(config.body());
    assertThat(body.path("url").asString()).isEqualTo("/openapi/v3/cetus");
    assertThat(body.has("urls")).isFalse();
  }

  @Test
  void theDocumentTheUiLoadsComesFromTheObjectStoreThroughTheGateway() throws Exception {
    HttpResponse<String> document = get("/openapi/v3/cetus");

    assertThat(document.statusCode()).isEqualTo(200);
    assertThat(document.body()).isEqualTo(FakeObjectStore.OPENAPI_DOCUMENT);
  }

  @Test
  void rootRedirectsToSwaggerUi() throws Exception {
    HttpResponse<String> root = get("/");

    assertThat(root.statusCode()).isEqualTo(302);
    assertThat(root.headers().firstValue("Location")).hasValue("/swagger-ui.html");
  }

  @Test
  void healthIsUp() throws Exception {
    HttpResponse<String> health = get("/actuator/health");

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(json.readTree(health.body()).path("status").asString()).isEqualTo("UP");
  }

  @Test
  void prometheusScrapeHasGatewayRequestMetrics() throws Exception {
    assertThat(get("/api/v1/namespaces/default/services").statusCode()).isEqualTo(200);

    // The gateway records the request once the exchange has completed, maybe after we read it.
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              HttpResponse<String> scrape = get("/actuator/prometheus");
              assertThat(scrape.statusCode()).isEqualTo(200);
              assertThat(scrape.body())
                  .containsPattern(
                      "spring_cloud_gateway_requests_seconds_count\\{[^}]*routeId=\"object-store\"");
            });
  }
}
