package io.cetus.objectstore.web;

import org.junit.jupiter.api.Test;

import io.cetus.objectstore.web.ApiClient.Response;

import static org.assertj.core.api.Assertions.assertThat;

class DiscoveryRoutesTest extends ApiTest {

  private static final String AGGREGATED_ACCEPT =
      "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json";

  @Test
  void aggregatedDiscoveryIsServedWithItsContentTypeWhenAskedFor() {
    Response core = api.get("/api?timeout=32s", AGGREGATED_ACCEPT);
    Response groups = api.get("/apis?timeout=32s", AGGREGATED_ACCEPT);

    assertThat(core.status()).isEqualTo(200);
    assertThat(core.contentType()).contains("as=APIGroupDiscoveryList").contains("v=v2");
    assertThat(groups.contentType()).contains("as=APIGroupDiscoveryList");
    assertThat(groups.json().path("kind").asString()).isEqualTo("APIGroupDiscoveryList");
  }

  @Test
  void legacyDiscoveryDocumentsAreServedPerGroupAndVersion() {
    assertThat(api.get("/api").json().path("kind").asString()).isEqualTo("APIVersions");
    assertThat(api.get("/apis").json().path("kind").asString()).isEqualTo("APIGroupList");
    assertThat(api.get("/apis/apps").json().path("kind").asString()).isEqualTo("APIGroup");
    assertThat(api.get("/api/v1").json().path("groupVersion").asString()).isEqualTo("v1");
    assertThat(api.get("/apis/apps/v1").json().path("groupVersion").asString())
        .isEqualTo("apps/v1");
  }

  @Test
  void versionReportsKubernetes132() {
    Response version = api.get("/version?timeout=5s");

    assertThat(version.status()).isEqualTo(200);
    assertThat(version.json().path("minor").asString()).isEqualTo("32");
  }

  @Test
  void openApiV3DocumentsAreServedAndV2IsNotFound() {
    Response index = api.get("/openapi/v3");
    Response core = api.get("/openapi/v3/api/v1?hash=AAAA");
    Response apps = api.get("/openapi/v3/apis/apps/v1");
    Response swagger = api.get("/openapi/v3/cetus");

    assertThat(index.json().at("/paths/api~1v1/serverRelativeURL").asString())
        .startsWith("/openapi/v3/api/v1");
    assertThat(core.status()).isEqualTo(200);
    assertThat(core.json().has("paths")).isTrue();
    assertThat(apps.status()).isEqualTo(200);
    assertThat(swagger.status()).isEqualTo(200);
    assertThat(api.get("/openapi/v3/apis/nope/v1").status()).isEqualTo(404);
    assertThat(api.get("/openapi/v2").status()).isEqualTo(404);
  }
}
