package io.cetus.objectstore.web;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.cetus.objectstore.web.ApiClient.Response;

import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class CrudTest extends ApiTest {

  @Test
  void createStampsServerOwnedMetadataAndAnswers201() {
    String ns = newNamespace();
    ObjectNode body = pod("web");
    body.withObjectProperty("metadata").put("uid", "client-uid").put("resourceVersion", "999");

    Response created = api.post("/api/v1/namespaces/" + ns + "/pods", body);

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.contentType()).startsWith("application/json");
    ObjectNode pod = created.json();
    assertThat(pod.path("kind").asString()).isEqualTo("Pod");
    assertThat(pod.path("apiVersion").asString()).isEqualTo("v1");
    assertThat(pod.at("/metadata/namespace").asString()).isEqualTo(ns);
    assertThat(pod.at("/metadata/uid").asString()).isNotEqualTo("client-uid").hasSize(36);
    assertThat(pod.at("/metadata/resourceVersion").asString()).isNotIn("", "999");
    assertThat(pod.at("/metadata/creationTimestamp").asString())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    assertThat(pod.at("/metadata/generation").asLong()).isEqualTo(1);
  }

  @Test
  void getReturnsTheStoredObjectAndMissingOnesAreNotFound() {
    String ns = newNamespace();
    api.post("/api/v1/namespaces/" + ns + "/pods", pod("web"));

    Response found = api.get("/api/v1/namespaces/" + ns + "/pods/web");
    Response missing = api.get("/api/v1/namespaces/" + ns + "/pods/nope");
    Response missingDeployment = api.get("/apis/apps/v1/namespaces/" + ns + "/deployments/x");

    assertThat(found.status()).isEqualTo(200);
    assertThat(found.json().at("/spec/containers/0/image").asString()).isEqualTo("nginx:1.25");
    assertThat(missing.status()).isEqualTo(404);
    ObjectNode status = missing.json();
    assertThat(status.path("kind").asString()).isEqualTo("Status");
    assertThat(status.path("reason").asString()).isEqualTo("NotFound");
    assertThat(status.path("message").asString()).isEqualTo("pods \"nope\" not found");
    assertThat(status.at("/details/name").asString()).isEqualTo("nope");
    assertThat(status.at("/details/kind").asString()).isEqualTo("pods");
    assertThat(missingDeployment.json().path("message").asString())
        .isEqualTo("deployments.apps \"x\" not found");
  }

  @Test
  void creatingATakenNameIsAlreadyExists() {
    String ns = newNamespace();
    api.post("/api/v1/namespaces/" + ns + "/configmaps", configMap("cfg"));

    Response again = api.post("/api/v1/namespaces/" + ns + "/configmaps", configMap("cfg"));

    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().path("reason").asString()).isEqualTo("AlreadyExists");
    assertThat(again.json().path("message").asString())
        .isEqualTo("configmaps \"cfg\" already exists");
  }

  @Test
  void generateNameAppendsFiveRandomCharacters() {
    String ns = newNamespace();
    ObjectNode body = configMap("ignored");
    body.withObjectProperty("metadata").remove("name");
    body.withObjectProperty("metadata").put("generateName", "cfg-");

    Response first = api.post("/api/v1/namespaces/" + ns + "/configmaps", body);
    Response second = api.post("/api/v1/namespaces/" + ns + "/configmaps", body);

    assertThat(first.status()).isEqualTo(201);
    String name = first.json().at("/metadata/name").asString();
    assertThat(name).matches("cfg-[bcdfghjklmnpqrstvwxz2456789]{5}");
    assertThat(second.json().at("/metadata/name").asString()).isNotEqualTo(name);
  }

  @Test
  void createWithoutNameOrGenerateNameIsInvalid() {
    String ns = newNamespace();
    ObjectNode body = configMap("x");
    body.withObjectProperty("metadata").remove("name");

    Response response = api.post("/api/v1/namespaces/" + ns + "/configmaps", body);

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json().at("/details/causes/0/field").asString()).isEqualTo("metadata.name");
  }

  @Test
  void createInAMissingNamespaceIsNotFound() {
    Response response = api.post("/api/v1/namespaces/nowhere/pods", pod("web"));

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.json().path("message").asString())
        .isEqualTo("namespaces \"nowhere\" not found");
  }

  @Test
  void aBodyNamingAnotherNamespaceOrNameOrKindIsBadRequest() {
    String ns = newNamespace();
    ObjectNode elsewhere = pod("web");
    elsewhere.withObjectProperty("metadata").put("namespace", "other");
    api.post("/api/v1/namespaces/" + ns + "/pods", pod("web"));
    ObjectNode renamed = api.get("/api/v1/namespaces/" + ns + "/pods/web").json();
    renamed.withObjectProperty("metadata").put("name", "other");

    Response wrongNamespace = api.post("/api/v1/namespaces/" + ns + "/pods", elsewhere);
    Response wrongName = api.put("/api/v1/namespaces/" + ns + "/pods/web", renamed);
    Response wrongKind = api.post("/api/v1/namespaces/" + ns + "/pods", configMap("c"));

    assertThat(wrongNamespace.status()).isEqualTo(400);
    assertThat(wrongNamespace.json().path("message").asString())
        .isEqualTo(
            "the namespace of the provided object does not match the namespace sent on the"
                + " request");
    assertThat(wrongName.status()).isEqualTo(400);
    assertThat(wrongKind.status()).isEqualTo(400);
    assertThat(wrongKind.json().path("reason").asString()).isEqualTo("BadRequest");
  }

  @Test
  void replaceWithAStaleResourceVersionIsConflict() {
    String ns = newNamespace();
    ObjectNode created =
        api.post("/api/v1/namespaces/" + ns + "/configmaps", configMap("cfg")).json();
    ObjectNode first = created.deepCopy();
    first.withObjectProperty("data").put("a", "2");
    api.put("/api/v1/namespaces/" + ns + "/configmaps/cfg", first);
    ObjectNode stale = created.deepCopy();
    stale.withObjectProperty("data").put("a", "3");

    Response response = api.put("/api/v1/namespaces/" + ns + "/configmaps/cfg", stale);

    assertThat(response.status()).isEqualTo(409);
    assertThat(response.json().path("reason").asString()).isEqualTo("Conflict");
    assertThat(response.json().path("message").asString())
        .isEqualTo(
            "Operation cannot be fulfilled on configmaps \"cfg\": the object has been modified;"
                + " please apply your changes to the latest version and try again");
  }

  @Test
  void replaceWithoutResourceVersionIsUnconditionalAndKeepsServerFields() {
    String ns = newNamespace();
    ObjectNode created =
        api.post("/api/v1/namespaces/" + ns + "/configmaps", configMap("cfg")).json();
    ObjectNode body = configMap("cfg");
    body.withObjectProperty("data").put("a", "changed");

    Response replaced = api.put("/api/v1/namespaces/" + ns + "/configmaps/cfg", body);

    assertThat(replaced.status()).isEqualTo(200);
    ObjectNode object = replaced.json();
    assertThat(object.at("/data/a").asString()).isEqualTo("changed");
    assertThat(object.at("/metadata/uid")).isEqualTo(created.at("/metadata/uid"));
    assertThat(object.at("/metadata/creationTimestamp"))
        .isEqualTo(created.at("/metadata/creationTimestamp"));
    assertThat(object.at("/metadata/resourceVersion").asString())
        .isNotEqualTo(created.at("/metadata/resourceVersion").asString());
  }

  @Test
  void generationCountsSpecChangesOnly() {
    String ns = newNamespace();
    String path = "/apis/apps/v1/namespaces/" + ns + "/deployments/app";
    api.post("/apis/apps/v1/namespaces/" + ns + "/deployments", deployment("app", 1));
    ObjectNode labelled = api.get(path).json();
    labelled.withObjectProperty("metadata").withObjectProperty("labels").put("tier", "fe");
    ObjectNode afterLabel = api.put(path, labelled).json();
    ObjectNode scaled = afterLabel.deepCopy();
    scaled.withObjectProperty("spec").put("replicas", 3);

    ObjectNode afterScale = api.put(path, scaled).json();

    assertThat(afterLabel.at("/metadata/generation").asLong()).isEqualTo(1);
    assertThat(afterScale.at("/metadata/generation").asLong()).isEqualTo(2);
  }

  @Test
  void replacingWithTheSameManifestLeavesGenerationAlone() {
    String ns = newNamespace();
    String path = "/apis/apps/v1/namespaces/" + ns + "/deployments/app";
    api.post("/apis/apps/v1/namespaces/" + ns + "/deployments", deployment("app", 1));
    // The manifest as the user wrote it: no defaults (strategy, probes, pull policy...) filled in.
    ObjectNode manifest = deployment("app", 1);

    ObjectNode replaced = api.put(path, manifest).json();

    assertThat(replaced.at("/metadata/generation").asLong()).isEqualTo(1);
  }

  @Test
  void mainResourceIgnoresStatusAndStatusSubresourceIgnoresTheRest() {
    String ns = newNamespace();
    String path = "/apis/apps/v1/namespaces/" + ns + "/replicasets/rs";
    ObjectNode created =
        api.post("/apis/apps/v1/namespaces/" + ns + "/replicasets", replicaSet("rs", 2)).json();
    ObjectNode withStatus = created.deepCopy();
    withStatus.putObject("status").put("replicas", 5);

    ObjectNode afterMain = api.put(path, withStatus).json();
    ObjectNode statusBody = afterMain.deepCopy();
    statusBody.putObject("status").put("replicas", 2);
    statusBody.withObjectProperty("spec").put("replicas", 9);
    ObjectNode afterStatus = api.put(path + "/status", statusBody).json();

    assertThat(afterMain.path("status").path("replicas").asInt(0)).isNotEqualTo(5);
    assertThat(afterStatus.at("/status/replicas").asInt()).isEqualTo(2);
    assertThat(afterStatus.at("/spec/replicas").asInt()).isEqualTo(2);
    assertThat(api.get(path + "/status").json().at("/status/replicas").asInt()).isEqualTo(2);
  }

  @Test
  void createDropsClientStatusForKindsWithAStatusSubresource() {
    String ns = newNamespace();
    ObjectNode body = pod("web");
    body.putObject("status").put("phase", "Running");

    ObjectNode created = api.post("/api/v1/namespaces/" + ns + "/pods", body).json();

    assertThat(created.at("/status/phase").asString("")).isNotEqualTo("Running");
  }

  @Test
  void yamlAndContentTypeLessBodiesAreAccepted() {
    String ns = newNamespace();
    String yaml =
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: from-yaml
        data:
          key: value
        """;

    Response fromYaml =
        api.send(
            "POST",
            "/api/v1/namespaces/" + ns + "/configmaps",
            "application/yaml",
            yaml.getBytes(StandardCharsets.UTF_8),
            null);
    Response withoutContentType =
        api.send(
            "POST",
            "/api/v1/namespaces/" + ns + "/configmaps",
            null,
            configMap("bare").toString().getBytes(StandardCharsets.UTF_8),
            null);

    assertThat(fromYaml.status()).isEqualTo(201);
    assertThat(fromYaml.json().at("/data/key").asString()).isEqualTo("value");
    assertThat(withoutContentType.status()).isEqualTo(201);
  }

  @Test
  void dryRunAnswersTheWouldBeObjectWithoutStoringIt() {
    String ns = newNamespace();

    Response response =
        api.post("/api/v1/namespaces/" + ns + "/configmaps?dryRun=All", configMap("dry"));

    assertThat(response.status()).isEqualTo(201);
    assertThat(response.json().at("/metadata/name").asString()).isEqualTo("dry");
    assertThat(api.get("/api/v1/namespaces/" + ns + "/configmaps/dry").status()).isEqualTo(404);
  }

  @Test
  void clusterScopedObjectsLiveOutsideNamespaces() {
    String node =
        """
        {"apiVersion":"v1","kind":"Node","metadata":{"name":"node-crud","namespace":"ignored"}}
        """;

    Response created = api.post("/api/v1/nodes", node);
    Response fetched = api.get("/api/v1/nodes/node-crud");
    Response deleted = api.delete("/api/v1/nodes/node-crud");

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().at("/metadata").has("namespace")).isFalse();
    assertThat(fetched.status()).isEqualTo(200);
    assertThat(deleted.status()).isEqualTo(200);
    assertThat(api.get("/api/v1/nodes/node-crud").status()).isEqualTo(404);
  }

  @Test
  void deleteAnswersTheDeletedObject() {
    String ns = newNamespace();
    api.post("/api/v1/namespaces/" + ns + "/configmaps", configMap("gone"));

    Response deleted =
        api.delete(
            "/api/v1/namespaces/" + ns + "/configmaps/gone",
            "{\"propagationPolicy\":\"Background\"}");

    assertThat(deleted.status()).isEqualTo(200);
    assertThat(deleted.json().at("/metadata/name").asString()).isEqualTo("gone");
    assertThat(api.get("/api/v1/namespaces/" + ns + "/configmaps/gone").status()).isEqualTo(404);
    assertThat(api.delete("/api/v1/namespaces/" + ns + "/configmaps/gone").status()).isEqualTo(404);
  }
}
