package io.cetus.objectstore.discovery;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.cetus.api.json.Json;
import io.cetus.api.resource.ResourceType;
import io.cetus.api.resource.ResourceTypes;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class DiscoveryDocumentsTest {

  private static final String KUBECTL_DISCOVERY_ACCEPT =
      "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,"
          + "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,"
          + "application/json";

  private final DiscoveryDocuments discovery = new DiscoveryDocuments();

  @Test
  void versionReportsKubernetes132SoTheKubectlDispatcherPicksKubectl132() {
    ObjectNode version = discovery.version();

    assertThat(version.get("major").asString()).isEqualTo("1");
    assertThat(version.get("minor").asString()).isEqualTo("32");
    assertThat(version.get("gitVersion").asString()).startsWith("v1.32.");
    assertThat(version.get("platform").asString()).contains("/");
  }

  @Test
  void aggregatedCoreListsCoreKindsUnderTheUnnamedGroup() {
    ObjectNode core = discovery.aggregatedCore();

    assertThat(core.get("kind").asString()).isEqualTo("APIGroupDiscoveryList");
    assertThat(core.get("apiVersion").asString()).isEqualTo("apidiscovery.k8s.io/v2");
    assertThat(core.get("items")).hasSize(1);
    assertThat(core.at("/items/0/metadata/name").asString()).isEmpty();
    JsonNode v1 = core.at("/items/0/versions/0");
    assertThat(v1.get("version").asString()).isEqualTo("v1");
    assertThat(v1.get("freshness").asString()).isEqualTo("Current");

    JsonNode pods = resource(v1, "pods");
    assertThat(pods.get("responseKind"))
        .isEqualTo(json("{\"group\":\"\",\"version\":\"v1\",\"kind\":\"Pod\"}"));
    assertThat(pods.get("scope").asString()).isEqualTo("Namespaced");
    assertThat(pods.get("singularResource").asString()).isEqualTo("pod");
    assertThat(pods.get("shortNames")).isEqualTo(json("[\"po\"]"));
    assertThat(pods.get("categories")).isEqualTo(json("[\"all\"]"));
    assertThat(strings(pods.get("verbs")))
        .containsExactly(
            "create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");
    assertThat(subresource(pods, "status").get("verbs"))
        .isEqualTo(json("[\"get\",\"patch\",\"update\"]"));
    assertThat(subresource(pods, "binding").get("verbs")).isEqualTo(json("[\"create\"]"));
    assertThat(subresource(pods, "log").get("verbs")).isEqualTo(json("[\"get\"]"));
    assertThat(strings(subresource(pods, "exec").get("verbs"))).containsOnly("get", "create");
    assertThat(strings(subresource(pods, "portforward").get("verbs")))
        .containsOnly("get", "create");

    JsonNode namespaces = resource(v1, "namespaces");
    assertThat(namespaces.get("scope").asString()).isEqualTo("Cluster");
    assertThat(namespaces.has("categories")).isFalse();
    assertThat(resource(v1, "secrets").has("shortNames")).isFalse();
  }

  @Test
  void aggregatedGroupsDescribeScaleAsAutoscalingV1() {
    ObjectNode groups = discovery.aggregatedGroups();

    JsonNode apps = item(groups, "apps");
    JsonNode deployments = resource(apps.at("/versions/0"), "deployments");
    assertThat(deployments.get("shortNames")).isEqualTo(json("[\"deploy\"]"));
    assertThat(deployments.get("categories")).isEqualTo(json("[\"all\"]"));
    assertThat(subresource(deployments, "scale"))
        .isEqualTo(
            json(
                """
                {"subresource":"scale",
                 "responseKind":{"group":"autoscaling","version":"v1","kind":"Scale"},
                 "verbs":["get","patch","update"]}
                """));
    assertThat(subresource(deployments, "status").get("responseKind"))
        .isEqualTo(json("{\"group\":\"apps\",\"version\":\"v1\",\"kind\":\"Deployment\"}"));
    assertThat(item(groups, "batch")).isNotNull();
    assertThat(resource(item(groups, "coordination.k8s.io").at("/versions/0"), "leases"))
        .isNotNull();
  }

  @Test
  void everyKindIsDiscoverableExactlyOnce() {
    List<String> discovered = new ArrayList<>();
    for (ObjectNode list : List.of(discovery.aggregatedCore(), discovery.aggregatedGroups())) {
      for (JsonNode group : list.get("items")) {
        for (JsonNode version : group.get("versions")) {
          for (JsonNode resource : version.get("resources")) {
            discovered.add(
                resource.at("/responseKind/group").asString()
                    + "/"
                    + resource.get("resource").asString());
          }
        }
      }
    }

    List<String> expected = new ArrayList<>();
    for (ResourceType type : ResourceTypes.all()) {
      expected.add(type.group() + "/" + type.plural());
    }
    assertThat(discovered).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void categoryAllListsWorkloadsInKubectlGetAllOrder() {
    List<String> all = new ArrayList<>();
    for (ObjectNode list : List.of(discovery.aggregatedCore(), discovery.aggregatedGroups())) {
      for (JsonNode group : list.get("items")) {
        for (JsonNode resource : group.at("/versions/0/resources")) {
          if (strings(resource.path("categories")).contains("all")) {
            all.add(resource.get("resource").asString());
          }
        }
      }
    }

    assertThat(all)
        .containsSubsequence("pods", "services", "deployments", "replicasets")
        .contains("daemonsets", "statefulsets", "jobs", "cronjobs");
  }

  @Test
  void legacyDocumentsListVersionsAndGroups() {
    assertThat(discovery.legacyCore().get("kind").asString()).isEqualTo("APIVersions");
    assertThat(discovery.legacyCore().get("versions")).isEqualTo(json("[\"v1\"]"));

    ObjectNode groups = discovery.legacyGroups();
    assertThat(groups.get("kind").asString()).isEqualTo("APIGroupList");
    JsonNode apps = null;
    for (JsonNode group : groups.get("groups")) {
      if (group.get("name").asString().equals("apps")) {
        apps = group;
      }
    }
    assertThat(apps)
        .isEqualTo(
            json(
                """
                {"name":"apps","versions":[{"groupVersion":"apps/v1","version":"v1"}],
                 "preferredVersion":{"groupVersion":"apps/v1","version":"v1"}}
                """));

    assertThat(discovery.group("apps"))
        .get()
        .extracting(g -> g.get("kind").asString())
        .isEqualTo("APIGroup");
    assertThat(discovery.group("")).isEmpty();
    assertThat(discovery.group("nope.example.com")).isEmpty();
  }

  @Test
  void resourceListHasSubresourceEntries() {
    ObjectNode apps = discovery.resourceList("apps", "v1").orElseThrow();

    assertThat(apps.get("kind").asString()).isEqualTo("APIResourceList");
    assertThat(apps.get("groupVersion").asString()).isEqualTo("apps/v1");
    assertThat(named(apps, "deployments"))
        .isEqualTo(
            json(
                """
                {"name":"deployments","singularName":"deployment","namespaced":true,"kind":"Deployment",
                 "verbs":["create","delete","deletecollection","get","list","patch","update","watch"],
                 "shortNames":["deploy"],"categories":["all"]}
                """));
    assertThat(named(apps, "deployments/scale"))
        .isEqualTo(
            json(
                """
                {"name":"deployments/scale","singularName":"","namespaced":true,"group":"autoscaling",
                 "version":"v1","kind":"Scale","verbs":["get","patch","update"]}
                """));
    assertThat(named(apps, "deployments/status").has("group")).isFalse();

    ObjectNode core = discovery.resourceList("", "v1").orElseThrow();
    assertThat(core.get("groupVersion").asString()).isEqualTo("v1");
    assertThat(named(core, "nodes").get("namespaced").booleanValue()).isFalse();
    assertThat(named(core, "pods/binding").get("kind").asString()).isEqualTo("Binding");

    assertThat(discovery.resourceList("apps", "v2")).isEmpty();
    assertThat(discovery.resourceList("nope", "v1")).isEmpty();
  }

  @Test
  void recognisesAggregatedDiscoveryAcceptHeader() {
    assertThat(DiscoveryDocuments.wantsAggregated(KUBECTL_DISCOVERY_ACCEPT)).isTrue();
    assertThat(DiscoveryDocuments.wantsAggregated("application/json")).isFalse();
    assertThat(
            DiscoveryDocuments.wantsAggregated(
                "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList"))
        .isFalse();
    assertThat(DiscoveryDocuments.wantsAggregated(null)).isFalse();
    assertThat(DiscoveryDocuments.AGGREGATED_CONTENT_TYPE)
        .isEqualTo("application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList");
  }

  @Test
  void returnedDocumentsAreCopies() {
    discovery.aggregatedGroups().putArray("items");

    assertThat(discovery.aggregatedGroups().get("items")).isNotEmpty();
  }

  private static JsonNode item(JsonNode list, String group) {
    for (JsonNode item : list.get("items")) {
      if (item.at("/metadata/name").asString().equals(group)) {
        return item;
      }
    }
    throw new AssertionError("no group " + group);
  }

  private static JsonNode resource(JsonNode version, String plural) {
    for (JsonNode resource : version.get("resources")) {
      if (resource.get("resource").asString().equals(plural)) {
        return resource;
      }
    }
    throw new AssertionError("no resource " + plural);
  }

  private static JsonNode subresource(JsonNode resource, String name) {
    for (JsonNode sub : resource.get("subresources")) {
      if (sub.get("subresource").asString().equals(name)) {
        return sub;
      }
    }
    throw new AssertionError("no subresource " + name);
  }

  private static JsonNode named(JsonNode list, String name) {
    for (JsonNode resource : list.get("resources")) {
      if (resource.get("name").asString().equals(name)) {
        return resource;
      }
    }
    throw new AssertionError("no resource " + name);
  }

  private static List<String> strings(JsonNode array) {
    List<String> strings = new ArrayList<>();
    array.forEach(s -> strings.add(s.asString()));
    return strings;
  }

  private static JsonNode json(String text) {
    return Json.mapper().readTree(text);
  }
}
