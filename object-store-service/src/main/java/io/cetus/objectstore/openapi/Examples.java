package io.cetus.objectstore.openapi;

import java.util.Map;

import io.cetus.api.json.Json;
import io.cetus.api.resource.ResourceType;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Example request bodies for Swagger UI: a small valid object of each kind (an nginx Pod, a
 * 2-replica Deployment, a Service with a selector, a Secret with {@code stringData}, ...) and patch
 * bodies of each format. Kinds without an example here get one with just a name.
 */
final class Examples {

  private static final Map<String, String> OBJECTS =
      Map.ofEntries(
          Map.entry(
              "/Pod",
              """
              {"apiVersion":"v1","kind":"Pod","metadata":{"name":"nginx","labels":{"app":"nginx"}},
               "spec":{"containers":[{"name":"nginx","image":"nginx:1.27",
                 "ports":[{"containerPort":80}]}]}}
              """),
          Map.entry(
              "/Service",
              """
              {"apiVersion":"v1","kind":"Service","metadata":{"name":"web"},
               "spec":{"selector":{"app":"web"},
                 "ports":[{"port":80,"targetPort":8080,"protocol":"TCP"}]}}
              """),
          Map.entry(
              "/Namespace",
              """
              {"apiVersion":"v1","kind":"Namespace","metadata":{"name":"team-a"}}
              """),
          Map.entry(
              "/Node",
              """
              {"apiVersion":"v1","kind":"Node",
               "metadata":{"name":"node-1","labels":{"kubernetes.io/hostname":"node-1"}},
               "spec":{"unschedulable":false}}
              """),
          Map.entry(
              "/Event",
              """
              {"apiVersion":"v1","kind":"Event","metadata":{"name":"web.17a3f2"},
               "involvedObject":{"apiVersion":"v1","kind":"Pod","name":"web","namespace":"default"},
               "reason":"Started","message":"Started container web","type":"Normal",
               "source":{"component":"node-agent","host":"node-1"}}
              """),
          Map.entry(
              "/Endpoints",
              """
              {"apiVersion":"v1","kind":"Endpoints","metadata":{"name":"external-db"},
               "subsets":[{"addresses":[{"ip":"192.168.10.5"}],
                 "ports":[{"port":5432,"protocol":"TCP"}]}]}
              """),
          Map.entry(
              "/ConfigMap",
              """
              {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"app-config"},
               "data":{"color":"blue","app.properties":"mode=dev\\nworkers=4\\n"}}
              """),
          Map.entry(
              "/Secret",
              """
              {"apiVersion":"v1","kind":"Secret","metadata":{"name":"db-credentials"},
               "type":"Opaque","stringData":{"username":"admin","password":"change-me"}}
              """),
          Map.entry(
              "apps/Deployment",
              """
              {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"}},
               "spec":{"replicas":2,"selector":{"matchLabels":{"app":"web"}},
                 "template":{"metadata":{"labels":{"app":"web"}},
                   "spec":{"containers":[{"name":"nginx","image":"nginx:1.27",
                     "ports":[{"containerPort":80}]}]}}}}
              """),
          Map.entry(
              "apps/ReplicaSet",
              """
              {"apiVersion":"apps/v1","kind":"ReplicaSet","metadata":{"name":"web-rs"},
               "spec":{"replicas":2,"selector":{"matchLabels":{"app":"web-rs"}},
                 "template":{"metadata":{"labels":{"app":"web-rs"}},
                   "spec":{"containers":[{"name":"nginx","image":"nginx:1.27"}]}}}}
              """),
          Map.entry(
              "apps/DaemonSet",
              """
              {"apiVersion":"apps/v1","kind":"DaemonSet","metadata":{"name":"log-agent"},
               "spec":{"selector":{"matchLabels":{"app":"log-agent"}},
                 "template":{"metadata":{"labels":{"app":"log-agent"}},
                   "spec":{"containers":[{"name":"agent","image":"busybox:1.36",
                     "command":["sh","-c","while true; do date; sleep 60; done"]}]}}}}
              """),
          Map.entry(
              "apps/StatefulSet",
              """
              {"apiVersion":"apps/v1","kind":"StatefulSet","metadata":{"name":"cache"},
               "spec":{"serviceName":"cache","replicas":1,
                 "selector":{"matchLabels":{"app":"cache"}},
                 "template":{"metadata":{"labels":{"app":"cache"}},
                   "spec":{"containers":[{"name":"redis","image":"redis:7",
                     "ports":[{"containerPort":6379}]}]}}}}
              """),
          Map.entry(
              "batch/Job",
              """
              {"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"hello"},
               "spec":{"backoffLimit":4,"template":{"spec":{"restartPolicy":"Never",
                 "containers":[{"name":"hello","image":"busybox:1.36",
                   "command":["echo","hello from a job"]}]}}}}
              """),
          Map.entry(
              "batch/CronJob",
              """
              {"apiVersion":"batch/v1","kind":"CronJob","metadata":{"name":"tick"},
               "spec":{"schedule":"*/5 * * * *","jobTemplate":{"spec":{"template":{"spec":{
                 "restartPolicy":"OnFailure",
                 "containers":[{"name":"tick","image":"busybox:1.36","command":["date"]}]}}}}}}
              """),
          Map.entry(
              "coordination.k8s.io/Lease",
              """
              {"apiVersion":"coordination.k8s.io/v1","kind":"Lease","metadata":{"name":"my-controller"},
               "spec":{"holderIdentity":"my-controller-0","leaseDurationSeconds":15}}
              """));

  private Examples() {}

  /** A small valid object of {@code type}, as a create or replace body. */
  static ObjectNode object(ResourceType type) {
    String example = OBJECTS.get(key(type));
    if (example != null) {
      return SchemaCatalog.object(example);
    }
    ObjectNode object = JsonNodeFactory.instance.objectNode();
    object.put("apiVersion", type.apiVersion());
    object.put("kind", type.kind());
    object.putObject("metadata").put("name", "example");
    return object;
  }

  /** A strategic merge patch: a new image of the first container, else a new label. */
  static ObjectNode strategicMergePatch(ResourceType type) {
    JsonNode containers = object(type).at("/spec/template/spec/containers");
    if (type.kind().equals("Pod")) {
      containers = object(type).at("/spec/containers");
    }
    if (!containers.isArray() || containers.isEmpty()) {
      return mergePatch();
    }
    String name = containers.get(0).path("name").asString("");
    String current = containers.get(0).path("image").asString("");
    int colon = current.lastIndexOf(':');
    String image = (colon < 0 ? current : current.substring(0, colon)) + ":latest";
    String patch = "{\"containers\":[{\"name\":\"" + name + "\",\"image\":\"" + image + "\"}]}";
    return SchemaCatalog.object(
        type.kind().equals("Pod")
            ? "{\"spec\":" + patch + "}"
            : "{\"spec\":{\"template\":{\"spec\":" + patch + "}}}");
  }

  /** A JSON merge patch adding a label. */
  static ObjectNode mergePatch() {
    return SchemaCatalog.object("{\"metadata\":{\"labels\":{\"tier\":\"frontend\"}}}");
  }

  /** A JSON Patch adding a label. */
  static JsonNode jsonPatch() {
    return Json.mapper()
        .readTree("[{\"op\":\"add\",\"path\":\"/metadata/labels/tier\",\"value\":\"frontend\"}]");
  }

  /** A merge patch of a {@code scale} subresource. */
  static ObjectNode scalePatch() {
    return SchemaCatalog.object("{\"spec\":{\"replicas\":3}}");
  }

  /** A {@code Scale} setting 3 replicas. */
  static ObjectNode scale(ResourceType type) {
    return SchemaCatalog.object(
        "{\"apiVersion\":\"autoscaling/v1\",\"kind\":\"Scale\",\"metadata\":{\"name\":\""
            + object(type).at("/metadata/name").asString("example")
            + "\"},\"spec\":{\"replicas\":3}}");
  }

  static ObjectNode binding() {
    return SchemaCatalog.object(
        """
        {"apiVersion":"v1","kind":"Binding","metadata":{"name":"nginx"},
         "target":{"apiVersion":"v1","kind":"Node","name":"node-1"}}
        """);
  }

  static ObjectNode eviction() {
    return SchemaCatalog.object(
        "{\"apiVersion\":\"policy/v1\",\"kind\":\"Eviction\",\"metadata\":{\"name\":\"nginx\"}}");
  }

  static ObjectNode deleteOptions() {
    return SchemaCatalog.object("{\"propagationPolicy\":\"Foreground\"}");
  }

  private static String key(ResourceType type) {
    return type.group() + "/" + type.kind();
  }
}
