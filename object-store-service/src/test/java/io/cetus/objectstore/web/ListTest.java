package io.cetus.objectstore.web;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.cetus.objectstore.web.ApiClient.Response;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class ListTest extends ApiTest {

  @Test
  void listHasKindApiVersionAndResourceVersion() {
    String ns = newNamespace();
    api.post("/api/v1/namespaces/" + ns + "/pods", pod("a"));

    ObjectNode list = api.get("/api/v1/namespaces/" + ns + "/pods").json();

    assertThat(list.path("kind").asString()).isEqualTo("PodList");
    assertThat(list.path("apiVersion").asString()).isEqualTo("v1");
    assertThat(list.at("/metadata/resourceVersion").asString()).matches("\\d+");
    assertThat(names(list)).containsExactly("a");
  }

  @Test
  void labelSelectorsFilterWithEveryOperator() {
    String ns = newNamespace();
    createLabelled(ns, "a", "app=web,tier=fe");
    createLabelled(ns, "b", "app=web,tier=be");
    createLabelled(ns, "c", "app=db");

    assertThat(names(list(ns, "labelSelector=app%3Dweb"))).containsExactly("a", "b");
    assertThat(names(list(ns, "labelSelector=app!%3Dweb"))).containsExactly("c");
    assertThat(names(list(ns, "labelSelector=tier%20in%20(fe,xx)"))).containsExactly("a");
    assertThat(names(list(ns, "labelSelector=tier%20notin%20(fe)"))).containsExactly("b", "c");
    assertThat(names(list(ns, "labelSelector=tier"))).containsExactly("a", "b");
    assertThat(names(list(ns, "labelSelector=!tier"))).containsExactly("c");
  }

  @Test
  void fieldSelectorsFilterOnMetadataSpecStatusAndTopLevelFields() {
    String ns = newNamespace();
    api.post("/api/v1/namespaces/" + ns + "/pods", pod("a"));
    ObjectNode bound = pod("b");
    bound.withObjectProperty("spec").put("nodeName", "node-1");
    api.post("/api/v1/namespaces/" + ns + "/pods", bound);
    api.post(
        "/api/v1/namespaces/" + ns + "/secrets",
        "{\"metadata\":{\"name\":\"s\"},\"type\":\"kubernetes.io/tls\",\"data\":{\"tls.crt\":\"\",\"tls.key\":\"\"}}");

    assertThat(names(list(ns, "fieldSelector=metadata.name%3Da"))).containsExactly("a");
    assertThat(names(list(ns, "fieldSelector=spec.nodeName%3Dnode-1"))).containsExactly("b");
    assertThat(names(list(ns, "fieldSelector=spec.nodeName%3D"))).containsExactly("a");
    assertThat(names(list(ns, "fieldSelector=status.phase!%3DSucceeded,metadata.name!%3Da")))
        .containsExactly("b");
    assertThat(names(list(ns, "fieldSelector=metadata.namespace%3D" + ns))).hasSize(2);
    assertThat(
            names(
                api.get(
                        "/api/v1/namespaces/"
                            + ns
                            + "/secrets?fieldSelector=type%3Dkubernetes.io/tls")
                    .json()))
        .containsExactly("s");
  }

  @Test
  void limitAndContinuePageThroughEverythingOnce() {
    String ns = newNamespace();
    for (int i = 0; i < 7; i++) {
      api.post("/api/v1/namespaces/" + ns + "/configmaps", configMap("cm-" + i));
    }
    List<String> seen = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      String query = "limit=3" + (token == null ? "" : "&continue=" + token);
      ObjectNode page = api.get("/api/v1/namespaces/" + ns + "/configmaps?" + query).json();
      assertThat(page.withArrayProperty("items").size()).isLessThanOrEqualTo(3);
      seen.addAll(names(page));
      JsonNode next = page.at("/metadata/continue");
      token = next.isString() && !next.stringValue().isEmpty() ? next.stringValue() : null;
      pages++;
    } while (token != null && pages < 10);

    assertThat(seen).containsExactly("cm-0", "cm-1", "cm-2", "cm-3", "cm-4", "cm-5", "cm-6");
    assertThat(pages).isEqualTo(3);
  }

  @Test
  void aMalformedContinueTokenIsBadRequest() {
    String ns = newNamespace();

    Response response =
        api.get("/api/v1/namespaces/" + ns + "/configmaps?limit=1&continue=%25%25%25");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().path("reason").asString()).isEqualTo("BadRequest");
  }

  @Test
  void listsAcrossAllNamespacesIncludeEveryNamespace() {
    String first = newNamespace();
    String second = newNamespace();
    api.post("/api/v1/namespaces/" + first + "/configmaps", configMap("everywhere"));
    api.post("/api/v1/namespaces/" + second + "/configmaps", configMap("everywhere"));

    ObjectNode list = api.get("/api/v1/configmaps?fieldSelector=metadata.name%3Deverywhere").json();

    List<String> namespaces = new ArrayList<>();
    list.withArrayProperty("items")
        .forEach(item -> namespaces.add(item.at("/metadata/namespace").asString()));
    assertThat(namespaces).contains(first, second);
  }

  @Test
  void aNamespaceThatDoesNotExistListsEmpty() {
    Response response = api.get("/api/v1/namespaces/no-such-namespace/pods");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().withArrayProperty("items")).isEmpty();
  }

  @Test
  void tablesAreServedWhenAskedForWithRowObjects() {
    String ns = newNamespace();
    createLabelled(ns, "a", "app=web");

    ObjectNode table =
        api.get("/api/v1/namespaces/" + ns + "/pods?limit=500", ApiClient.TABLE_ACCEPT).json();
    ObjectNode full =
        api.get("/api/v1/namespaces/" + ns + "/pods?includeObject=Object", ApiClient.TABLE_ACCEPT)
            .json();
    ObjectNode single =
        api.get("/api/v1/namespaces/" + ns + "/pods/a", ApiClient.TABLE_ACCEPT).json();

    assertThat(table.path("kind").asString()).isEqualTo("Table");
    assertThat(table.at("/metadata/resourceVersion").asString()).matches("\\d+");
    assertThat(table.at("/columnDefinitions/0/name").asString()).isEqualTo("Name");
    assertThat(table.at("/rows/0/cells/0").asString()).isEqualTo("a");
    assertThat(table.at("/rows/0/object/kind").asString()).isEqualTo("PartialObjectMetadata");
    assertThat(table.at("/rows/0/object/metadata/labels/app").asString()).isEqualTo("web");
    assertThat(full.at("/rows/0/object/spec/containers/0/name").asString()).isEqualTo("main");
    assertThat(single.withArrayProperty("rows")).hasSize(1);
  }

  @Test
  void deleteCollectionDeletesWhatTheSelectorMatches() {
    String ns = newNamespace();
    createLabelled(ns, "a", "app=web");
    createLabelled(ns, "b", "app=web");
    createLabelled(ns, "c", "app=db");

    Response response = api.delete("/api/v1/namespaces/" + ns + "/pods?labelSelector=app%3Dweb");

    assertThat(response.status()).isEqualTo(200);
    assertThat(names(response.json())).containsExactly("a", "b");
    assertThat(names(list(ns, ""))).containsExactly("c");
  }

  private void createLabelled(String ns, String name, String labels) {
    ObjectNode pod = pod(name);
    ObjectNode labelNode = pod.withObjectProperty("metadata").putObject("labels");
    for (String pair : labels.split(",")) {
      String[] kv = pair.split("=");
      labelNode.put(kv[0], kv[1]);
    }
    Response created = api.post("/api/v1/namespaces/" + ns + "/pods", pod);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
  }

  private ObjectNode list(String ns, String query) {
    Response response = api.get("/api/v1/namespaces/" + ns + "/pods?" + query);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  private static List<String> names(ObjectNode list) {
    List<String> names = new ArrayList<>();
    list.withArrayProperty("items")
        .forEach(item -> names.add(item.at("/metadata/name").asString()));
    return names;
  }
}
