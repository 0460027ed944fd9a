package io.cetus.objectstore.web;

import org.junit.jupiter.api.Test;

import io.cetus.api.errors.ApiException;
import io.cetus.api.resource.ResourceTypes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiPathParserTest {

  @Test
  void discoveryPaths() {
    assertThat(ApiPathParser.parse("/api")).isEqualTo(new ApiPath.CoreRoot());
    assertThat(ApiPathParser.parse("/apis")).isEqualTo(new ApiPath.GroupsRoot());
    assertThat(ApiPathParser.parse("/apis/apps")).isEqualTo(new ApiPath.Group("apps"));
    assertThat(ApiPathParser.parse("/api/v1")).isEqualTo(new ApiPath.GroupVersion("", "v1"));
    assertThat(ApiPathParser.parse("/apis/apps/v1"))
        .isEqualTo(new ApiPath.GroupVersion("apps", "v1"));
  }

  @Test
  void collectionsInANamespaceAcrossNamespacesAndClusterScoped() {
    assertThat(ApiPathParser.parse("/api/v1/namespaces/default/pods"))
        .isEqualTo(new ApiPath.Collection(ResourceTypes.PODS, "default"));
    assertThat(ApiPathParser.parse("/api/v1/pods"))
        .isEqualTo(new ApiPath.Collection(ResourceTypes.PODS, null));
    assertThat(ApiPathParser.parse("/api/v1/nodes"))
        .isEqualTo(new ApiPath.Collection(ResourceTypes.NODES, null));
    assertThat(ApiPathParser.parse("/api/v1/namespaces"))
        .isEqualTo(new ApiPath.Collection(ResourceTypes.NAMESPACES, null));
    assertThat(ApiPathParser.parse("/apis/apps/v1/namespaces/a/deployments"))
        .isEqualTo(new ApiPath.Collection(ResourceTypes.DEPLOYMENTS, "a"));
  }

  @Test
  void objectsAndSubresources() {
    assertThat(ApiPathParser.parse("/api/v1/namespaces/default/pods/web/status"))
        .isEqualTo(new ApiPath.Item(ResourceTypes.PODS, "default", "web", "status"));
    assertThat(ApiPathParser.parse("/api/v1/namespaces/team"))
        .isEqualTo(new ApiPath.Item(ResourceTypes.NAMESPACES, null, "team", null));
    assertThat(ApiPathParser.parse("/api/v1/namespaces/team/status"))
        .isEqualTo(new ApiPath.Item(ResourceTypes.NAMESPACES, null, "team", "status"));
    assertThat(ApiPathParser.parse("/api/v1/nodes/n1/status"))
        .isEqualTo(new ApiPath.Item(ResourceTypes.NODES, null, "n1", "status"));
    assertThat(ApiPathParser.parse("/apis/apps/v1/namespaces/a/deployments/d/scale"))
        .isEqualTo(new ApiPath.Item(ResourceTypes.DEPLOYMENTS, "a", "d", "scale"));
  }

  @Test
  void aNamespaceNamedLikeAResourceIsStillANamespace() {
    assertThat(ApiPathParser.parse("/api/v1/namespaces/pods/pods/x"))
        .isEqualTo(new ApiPath.Item(ResourceTypes.PODS, "pods", "x", null));
  }

  @Test
  void segmentsArePercentDecoded() {
    assertThat(ApiPathParser.parse("/api/v1/namespaces/default/configmaps/a%2Eb"))
        .isEqualTo(new ApiPath.Item(ResourceTypes.CONFIG_MAPS, "default", "a.b", null));
  }

  @Test
  void unknownPathsAreNotFound() {
    for (String path :
        new String[] {
          "/api/v2",
          "/apis/nope",
          "/apis/apps/v2",
          "/api/v1/widgets",
          "/api/v1/namespaces/default/pods/web/nonsense",
          "/api/v1/pods/web",
          "/api/v1/namespaces/default/pods/a/b/c",
          "/api/v1/namespaces/default/",
          "/apis/apps/v1/namespaces/a/status"
        }) {
      assertThatThrownBy(() -> ApiPathParser.parse(path))
          .as(path)
          .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(404));
    }
  }

  @Test
  void namesThatCannotBeObjectNamesAreBadRequest() {
    assertThatThrownBy(() -> ApiPathParser.parse("/api/v1/namespaces/default/pods/.."))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(400));
  }
}
