package io.cetus.objectstore.web;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.node.ObjectNode;

/**
 * Base of the tests that drive the whole API server over HTTP, on the in-memory store. All share
 * one application context; each test works in namespaces of its own.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"platform.object-store.backend=memory"})
public abstract class ApiTest {

  @LocalServerPort protected int port;

  protected ApiClient api;

  @BeforeEach
  protected void connect() {
    api = new ApiClient(port);
  }

  /** Creates a fresh namespace and returns its name. */
  protected String newNamespace() {
    String name = "t-" + UUID.randomUUID().toString().substring(0, 8);
    var response = api.post("/api/v1/namespaces", "{\"metadata\":{\"name\":\"" + name + "\"}}");
    if (response.status() != 201) {
      throw new AssertionError("could not create namespace: " + response);
    }
    return name;
  }

  protected static ObjectNode pod(String name) {
    return ApiClient.json(
        """
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"%s","labels":{"app":"web"}},
         "spec":{"containers":[{"name":"main","image":"nginx:1.25"}]}}
        """
            .formatted(name));
  }

  protected static ObjectNode replicaSet(String name, int replicas) {
    return ApiClient.json(
        """
        {"apiVersion":"apps/v1","kind":"ReplicaSet","metadata":{"name":"%s"},
         "spec":{"replicas":%d,"selector":{"matchLabels":{"app":"%s"}},
                 "template":{"metadata":{"labels":{"app":"%s"}},
                             "spec":{"containers":[{"name":"main","image":"nginx:1.25"}]}}}}
        """
            .formatted(name, replicas, name, name));
  }

  protected static ObjectNode deployment(String name, int replicas) {
    ObjectNode object = replicaSet(name, replicas);
    object.put("kind", "Deployment");
    return object;
  }

  /** A pod owned by {@code owner} through a controller reference. */
  protected static ObjectNode ownedPod(String name, ObjectNode owner) {
    ObjectNode pod = pod(name);
    pod.withObjectProperty("metadata")
        .putArray("ownerReferences")
        .addObject()
        .put("apiVersion", owner.path("apiVersion").asString())
        .put("kind", owner.path("kind").asString())
        .put("name", owner.at("/metadata/name").asString())
        .put("uid", owner.at("/metadata/uid").asString())
        .put("controller", true)
        .put("blockOwnerDeletion", true);
    return pod;
  }

  protected static ObjectNode configMap(String name) {
    return ApiClient.json(
        """
        {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"%s"},"data":{"a":"1"}}
        """
            .formatted(name));
  }
}
