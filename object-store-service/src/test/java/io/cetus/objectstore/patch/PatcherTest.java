package io.cetus.objectstore.patch;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.cetus.api.errors.ApiException;
import io.cetus.api.json.Json;
import io.cetus.api.resource.ResourceType;
import io.cetus.api.resource.ResourceTypes;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PatcherTest {

  private static final String POD =
      """
      {"apiVersion":"v1","kind":"Pod",
       "metadata":{"name":"web","namespace":"default","uid":"u-1","resourceVersion":"7",
         "labels":{"app":"web"},
         "annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{old}\\n"},
         "finalizers":["a.example/x","b.example/y"]},
       "spec":{"containers":[
           {"name":"nginx","image":"nginx:1.25","ports":[{"containerPort":80,"protocol":"TCP"}],
            "env":[{"name":"A","value":"1"},{"name":"B","value":"2"}],
            "volumeMounts":[{"name":"data","mountPath":"/data"}],
            "resources":{"limits":{"memory":"128Mi"}}},
           {"name":"sidecar","image":"busybox","command":["sleep","3600"]}],
         "volumes":[{"name":"data","emptyDir":{}}],
         "tolerations":[{"key":"a","operator":"Exists"}],
         "restartPolicy":"Always"},
       "status":{"phase":"Running","conditions":[
           {"type":"Ready","status":"True"},{"type":"PodScheduled","status":"True"}]}}
      """;

  private static final String DEPLOYMENT =
      """
      {"apiVersion":"apps/v1","kind":"Deployment",
       "metadata":{"name":"app","namespace":"default","uid":"d-1","generation":2,
         "annotations":{"deployment.kubernetes.io/revision":"2",
                        "kubectl.kubernetes.io/last-applied-configuration":"{}"}},
       "spec":{"replicas":2,"selector":{"matchLabels":{"app":"app"}},
         "strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":"25%","maxUnavailable":"25%"}},
         "template":{"metadata":{"labels":{"app":"app"}},
           "spec":{"containers":[{"name":"main","image":"nginx:1.26","ports":[{"containerPort":80}]}]}}},
       "status":{"replicas":2,"conditions":[{"type":"Available","status":"True"}]}}
      """;

  private final Patcher patcher = new Patcher();

  // --- strategic merge patch: the bodies kubectl sends -------------------------------------

  @Test
  void clientSideReapplyChangesImageOfNamedContainerAndKeepsTheRest() {
    ObjectNode result =
        patch(
            ResourceTypes.PODS,
            POD,
            PatchType.STRATEGIC_MERGE_PATCH,
            """
            {"metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{new}\\n"},
                         "labels":{"tier":"fe"}},
             "spec":{"$setElementOrder/containers":[{"name":"nginx"}],
                     "containers":[{"image":"nginx:1.26","name":"nginx"}]}}
            """);

    assertThat(result.at("/metadata/labels")).isEqualTo(json("{\"app\":\"web\",\"tier\":\"fe\"}"));
    assertThat(
            result
                .at("/metadata/annotations/kubectl.kubernetes.io~1last-applied-configuration")
                .asString())
        .isEqualTo("{new}\n");
    JsonNode nginx = result.at("/spec/containers/0");
    assertThat(nginx.get("name").asString()).isEqualTo("nginx");
    assertThat(nginx.get("image").asString()).isEqualTo("nginx:1.26");
    assertThat(nginx.get("ports")).isEqualTo(json("[{\"containerPort\":80,\"protocol\":\"TCP\"}]"));
    assertThat(result.at("/spec/containers/1/name").asString()).isEqualTo("sidecar");
    assertThat(result.toString()).doesNotContain("$setElementOrder");
  }

  @Test
  void setImageMergesContainerInsideDeploymentTemplate() {
    ObjectNode result =
        patch(
            ResourceTypes.DEPLOYMENTS,
            DEPLOYMENT,
            PatchType.STRATEGIC_MERGE_PATCH,
            """
            {"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"main"}],
              "containers":[{"image":"nginx:1.27","name":"main"}]}}}}
            """);

    assertThat(result.at("/spec/template/spec/containers"))
        .isEqualTo(
            json(
                "[{\"name\":\"main\",\"image\":\"nginx:1.27\",\"ports\":[{\"containerPort\":80}]}]"));
  }

  @Test
  void rolloutRestartAddsTemplateAnnotation() {
    ObjectNode result =
        patch(
            ResourceTypes.DEPLOYMENTS,
            DEPLOYMENT,
            PatchType.STRATEGIC_MERGE_PATCH,
            """
            {"spec":{"template":{"metadata":{"annotations":{
              "kubectl.kubernetes.io/restartedAt":"2026-11-21T23:18:21Z"}}}}}
            """);

    assertThat(result.at("/spec/template/metadata"))
        .isEqualTo(
            json(
                """
                {"labels":{"app":"app"},
                 "annotations":{"kubectl.kubernetes.io/restartedAt":"2026-11-21T23:18:21Z"}}
                """));
  }

  @Test
  void rolloutPauseSetsPausedAndResumeRemovesIt() {
    ObjectNode paused =
        patch(
            ResourceTypes.DEPLOYMENTS,
            DEPLOYMENT,
            PatchType.STRATEGIC_MERGE_PATCH,
            "{\"spec\":{\"paused\":true}}");
    ObjectNode resumed =
        patcher.apply(
            ResourceTypes.DEPLOYMENTS,
            paused,
            PatchType.STRATEGIC_MERGE_PATCH,
            bytes("{\"spec\":{\"paused\":null}}"));

    assertThat(paused.at("/spec/paused").booleanValue()).isTrue();
    assertThat(resumed.get("spec").has("paused")).isFalse();
    assertThat(resumed.at("/spec/replicas").intValue()).isEqualTo(2);
  }

  @Test
  void cordonSetsUnschedulable() {
    ObjectNode result =
        patch(
            ResourceTypes.NODES,
            "{\"kind\":\"Node\",\"metadata\":{\"name\":\"n1\"},\"spec\":{\"podCIDR\":\"10.0.0.0/24\"}}",
            PatchType.STRATEGIC_MERGE_PATCH,
            "{\"spec\":{\"unschedulable\":true}}");

    assertThat(result.get("spec"))
        .isEqualTo(json("{\"podCIDR\":\"10.0.0.0/24\",\"unschedulable\":true}"));
  }

  @Test
  void envPortsAndVolumeMountsMergeByTheirKeys() {
    ObjectNode result =
        patch(
            ResourceTypes.PODS,
            POD,
            PatchType.STRATEGIC_MERGE_PATCH,
            """
            {"spec":{"containers":[{"name":"nginx",
              "env":[{"name":"B","value":"two"},{"name":"C","value":"3"}],
              "ports":[{"containerPort":443,"protocol":"TCP"}],
              "volumeMounts":[{"mountPath":"/data","readOnly":true}]}]}}
            """);

    JsonNode nginx = result.at("/spec/containers/0");
    assertThat(nginx.get("env"))
        .isEqualTo(
            json(
                "[{\"name\":\"A\",\"value\":\"1\"},{\"name\":\"B\",\"value\":\"two\"},"
                    + "{\"name\":\"C\",\"value\":\"3\"}]"));
    assertThat(nginx.get("ports"))
        .isEqualTo(
            json(
                "[{\"containerPort\":80,\"protocol\":\"TCP\"},"
                    + "{\"containerPort\":443,\"protocol\":\"TCP\"}]"));
    assertThat(nginx.get("volumeMounts"))
        .isEqualTo(json("[{\"name\":\"data\",\"mountPath\":\"/data\",\"readOnly\":true}]"));
  }

  @Test
  void listsWithoutPatchStrategyAreReplaced() {
    ObjectNode result =
        patch(
            ResourceTypes.PODS,
            POD,
            PatchType.STRATEGIC_MERGE_PATCH,
            """
            {"spec":{"tolerations":[{"key":"b","operator":"Exists"}],
                     "containers":[{"name":"sidecar","command":["sleep","10"]}]}}
            """);

    assertThat(result.at("/spec/tolerations"))
        .isEqualTo(json("[{\"key\":\"b\",\"operator\":\"Exists\"}]"));
    assertThat(result.at("/spec/containers/1/command")).isEqualTo(json("[\"sleep\",\"10\"]"));
  }

  @Test
  void deleteDirectiveRemovesContainerByName() {
    ObjectNode result =
        patch(
            ResourceTypes.PODS,
            POD,
            PatchType.STRATEGIC_MERGE_PATCH,
            "{\"spec\":{\"containers\":[{\"name\":\"sidecar\",\"$patch\":\"delete\"}]}}");

    assertThat(result.at("/spec/containers")).hasSize(1);
    assertThat(result.at("/spec/containers/0/name").asString()).isEqualTo("nginx");
  }

  @Test
  void replaceDirectiveReplacesMergingListAndMap() {
    ObjectNode result =
        patch(
            ResourceTypes.PODS,
            POD,
            PatchType.STRATEGIC_MERGE_PATCH,
            """
            {"metadata":{"labels":{"$patch":"replace","only":"this"}},
             "spec":{"containers":[{"name":"solo","image":"alpine"},{"$patch":"replace"}]}}
            """);

    assertThat(result.at("/metadata/labels")).isEqualTo(json("{\"only\":\"this\"}"));
    assertThat(result.at("/spec/containers"))
        .isEqualTo(json("[{\"name\":\"solo\",\"image\":\"alpine\"}]"));
  }

  @Test
  void deleteDirectiveOnMapRemovesIt() {
    ObjectNode result =
        patch(
            ResourceTypes.PODS,
            POD,
            PatchType.STRATEGIC_MERGE_PATCH,
            "{\"spec\":{\"containers\":[{\"name\":\"nginx\",\"resources\":{\"$patch\":\"delete\"}}]}}");

    assertThat(result.at("/spec/containers/0").has("resources")).isFalse();
  }

  @Test
  void finalizersMergeAsSetAndDeleteFromPrimitiveListRemovesValues() {
    ObjectNode result =
        patch(
            ResourceTypes.PODS,
            POD,
            PatchType.STRATEGIC_MERGE_PATCH,
            """
            {"metadata":{"finalizers":["b.example/y","c.example/z"],
                         "$deleteFromPrimitiveList/finalizers":["a.example/x"]}}
            """);

    assertThat(result.at("/metadata/finalizers"))
        .isEqualTo(json("[\"b.example/y\",\"c.example/z\"]"));
  }

  @Test
  void retainKeysDropsRollingUpdateWhenSwitchingToRecreate() {
    ObjectNode result =
        patch(
            ResourceTypes.DEPLOYMENTS,
            DEPLOYMENT,
            PatchType.STRATEGIC_MERGE_PATCH,
            "{\"spec\":{\"strategy\":{\"$retainKeys\":[\"type\"],\"type\":\"Recreate\"}}}");

    assertThat(result.at("/spec/strategy")).isEqualTo(json("{\"type\":\"Recreate\"}"));
  }

  @Test
  void retainKeysSwitchesVolumeSourceWhenReapplied() {
    ObjectNode result =
        patch(
            ResourceTypes.PODS,
            POD,
            PatchType.STRATEGIC_MERGE_PATCH,
            """
            {"spec":{"$setElementOrder/volumes":[{"name":"data"}],
              "volumes":[{"$retainKeys":["configMap","name"],"configMap":{"name":"cfg"},"name":"data"}]}}
            """);

    assertThat(result.at("/spec/volumes"))
        .isEqualTo(json("[{\"name\":\"data\",\"configMap\":{\"name\":\"cfg\"}}]"));
  }

  @Test
  void reapplyRemovingAnEnvVarDeletesItByName() {
    ObjectNode result =
        patch(
            ResourceTypes.PODS,
            POD,
            PatchType.STRATEGIC_MERGE_PATCH,
            """
            {"spec":{"$setElementOrder/containers":[{"name":"nginx"},{"name":"sidecar"}],
              "containers":[{"$setElementOrder/env":[{"name":"A"}],
                "env":[{"$patch":"delete","name":"B"}],"name":"nginx"}]}}
            """);

    assertThat(result.at("/spec/containers/0/env"))
        .isEqualTo(json("[{\"name\":\"A\",\"value\":\"1\"}]"));
    assertThat(result.at("/spec/containers")).hasSize(2);
  }

  @Test
  void setElementOrderReordersMergedContainers() {
    ObjectNode result =
        patch(
            ResourceTypes.PODS,
            POD,
            PatchType.STRATEGIC_MERGE_PATCH,
            """
            {"spec":{"$setElementOrder/containers":[{"name":"sidecar"},{"name":"nginx"}],
                     "containers":[{"name":"nginx","image":"nginx:1.27"}]}}
            """);

    assertThat(result.at("/spec/containers/0/name").asString()).isEqualTo("sidecar");
    assertThat(result.at("/spec/containers/1/image").asString()).isEqualTo("nginx:1.27");
  }

  @Test
  void statusConditionsMergeByType() {
    ObjectNode result =
        patch(
            ResourceTypes.PODS,
            POD,
            PatchType.STRATEGIC_MERGE_PATCH,
            """
            {"status":{"conditions":[{"type":"Ready","status":"False","reason":"ContainersNotReady"},
                                     {"type":"Initialized","status":"True"}]}}
            """);

    assertThat(result.at("/status/conditions"))
        .isEqualTo(
            json(
                """
                [{"type":"Ready","status":"False","reason":"ContainersNotReady"},
                 {"type":"PodScheduled","status":"True"},
                 {"type":"Initialized","status":"True"}]
                """));
  }

  @Test
  void servicePortsMergeByPort() {
    ObjectNode result =
        patch(
            ResourceTypes.SERVICES,
            """
            {"kind":"Service","metadata":{"name":"web"},
             "spec":{"ports":[{"port":80,"targetPort":8080,"protocol":"TCP"}],"selector":{"app":"web"}}}
            """,
            PatchType.STRATEGIC_MERGE_PATCH,
            "{\"spec\":{\"ports\":[{\"port\":80,\"nodePort\":30080},{\"port\":443}]}}");

    assertThat(result.at("/spec/ports"))
        .isEqualTo(
            json(
                "[{\"port\":80,\"targetPort\":8080,\"protocol\":\"TCP\",\"nodePort\":30080},"
                    + "{\"port\":443}]"));
  }

  @Test
  void ownerReferencesMergeByUid() {
    ObjectNode result =
        patch(
            ResourceTypes.REPLICA_SETS,
            """
            {"kind":"ReplicaSet","metadata":{"name":"app-1","ownerReferences":[
              {"apiVersion":"apps/v1","kind":"Deployment","name":"app","uid":"d-1","controller":true}]}}
            """,
            PatchType.STRATEGIC_MERGE_PATCH,
            """
            {"metadata":{"ownerReferences":[{"uid":"d-1","blockOwnerDeletion":true},
              {"apiVersion":"v1","kind":"ConfigMap","name":"c","uid":"c-1"}]}}
            """);

    assertThat(result.at("/metadata/ownerReferences")).hasSize(2);
    assertThat(result.at("/metadata/ownerReferences/0/blockOwnerDeletion").booleanValue()).isTrue();
    assertThat(result.at("/metadata/ownerReferences/0/controller").booleanValue()).isTrue();
  }

  @Test
  void cronJobContainersMergeDeepInsideJobTemplate() {
    ObjectNode result =
        patch(
            ResourceTypes.CRON_JOBS,
            """
            {"kind":"CronJob","metadata":{"name":"c"},"spec":{"schedule":"* * * * *",
              "jobTemplate":{"spec":{"template":{"spec":{"containers":[
                {"name":"a","image":"busybox","args":["date"]}]}}}}}}
            """,
            PatchType.STRATEGIC_MERGE_PATCH,
            """
            {"spec":{"jobTemplate":{"spec":{"template":{"spec":{"containers":[
              {"name":"a","image":"busybox:1.36"}]}}}}}}
            """);

    assertThat(result.at("/spec/jobTemplate/spec/template/spec/containers/0"))
        .isEqualTo(json("{\"name\":\"a\",\"image\":\"busybox:1.36\",\"args\":[\"date\"]}"));
  }

  @Test
  void mergeKeyMissingFromListElementIsBadRequest() {
    assertPodPatchRejected(
        PatchType.STRATEGIC_MERGE_PATCH,
        "{\"spec\":{\"containers\":[{\"image\":\"x\"}]}}",
        400,
        "spec.containers",
        "name");
  }

  @Test
  void unknownDirectiveIsBadRequest() {
    assertPodPatchRejected(
        PatchType.STRATEGIC_MERGE_PATCH,
        "{\"metadata\":{\"labels\":{\"$patch\":\"explode\"}}}",
        400);
  }

  // --- JSON merge patch --------------------------------------------------------------------

  @Test
  void labelAddsAndLabelMinusRemovesWithMergePatch() {
    ObjectNode labeled =
        patch(
            ResourceTypes.PODS,
            POD,
            PatchType.MERGE_PATCH,
            "{\"metadata\":{\"labels\":{\"color\":\"red\"}}}");
    ObjectNode unlabeled =
        patcher.apply(
            ResourceTypes.PODS,
            labeled,
            PatchType.MERGE_PATCH,
            bytes("{\"metadata\":{\"labels\":{\"color\":null}}}"));

    assertThat(labeled.at("/metadata/labels"))
        .isEqualTo(json("{\"app\":\"web\",\"color\":\"red\"}"));
    assertThat(unlabeled.at("/metadata/labels")).isEqualTo(json("{\"app\":\"web\"}"));
  }

  @Test
  void annotateAddsAnnotationWithSpaces() {
    ObjectNode result =
        patch(
            ResourceTypes.PODS,
            POD,
            PatchType.MERGE_PATCH,
            "{\"metadata\":{\"annotations\":{\"note\":\"hello world\"}}}");

    assertThat(result.at("/metadata/annotations/note").asString()).isEqualTo("hello world");
    assertThat(result.at("/metadata/annotations").size()).isEqualTo(2);
  }

  @Test
  void scaleMergePatchSetsReplicas() {
    ObjectNode result =
        patch(
            ResourceTypes.DEPLOYMENTS,
            """
            {"kind":"Scale","apiVersion":"autoscaling/v1","metadata":{"name":"app"},
             "spec":{"replicas":2},"status":{"replicas":2,"selector":"app=app"}}
            """,
            PatchType.MERGE_PATCH,
            "{\"spec\":{\"replicas\":3}}");

    assertThat(result.at("/spec/replicas").intValue()).isEqualTo(3);
    assertThat(result.at("/status/selector").asString()).isEqualTo("app=app");
  }

  @Test
  void mergePatchReplacesListsEvenWithMergeKeys() {
    ObjectNode result =
        patch(
            ResourceTypes.PODS,
            POD,
            PatchType.MERGE_PATCH,
            "{\"spec\":{\"containers\":[{\"name\":\"only\",\"image\":\"alpine\"}]}}");

    assertThat(result.at("/spec/containers"))
        .isEqualTo(json("[{\"name\":\"only\",\"image\":\"alpine\"}]"));
  }

  // --- JSON patch --------------------------------------------------------------------------

  @Test
  void rolloutUndoReplacesTemplateAndAnnotations() {
    ObjectNode result =
        patch(
            ResourceTypes.DEPLOYMENTS,
            DEPLOYMENT,
            PatchType.JSON_PATCH,
            """
            [{"op":"replace","path":"/spec/template","value":{"metadata":{"creationTimestamp":null,
                "labels":{"app":"app"}},"spec":{"containers":[{"name":"main","image":"nginx:1.25",
                "ports":[{"containerPort":80}],"resources":{}}]}}},
             {"op":"replace","path":"/metadata/annotations","value":{
                "deployment.kubernetes.io/revision":"2",
                "kubectl.kubernetes.io/last-applied-configuration":"{}"}}]
            """);

    assertThat(result.at("/spec/template/spec/containers/0/image").asString())
        .isEqualTo("nginx:1.25");
    assertThat(result.at("/spec/template/metadata/creationTimestamp").isNull()).isTrue();
    assertThat(result.at("/metadata/annotations").size()).isEqualTo(2);
    assertThat(result.at("/spec/replicas").intValue()).isEqualTo(2);
  }

  @Test
  void jsonPatchAddsRemovesMovesAndCopiesWithEscapedPointers() {
    ObjectNode result =
        patch(
            ResourceTypes.PODS,
            POD,
            PatchType.JSON_PATCH,
            """
            [{"op":"add","path":"/metadata/labels/example.com~1team","value":"blue"},
             {"op":"add","path":"/metadata/annotations/tilde~0key","value":"t"},
             {"op":"add","path":"/spec/containers/-","value":{"name":"third","image":"x"}},
             {"op":"add","path":"/spec/containers/0/env/0","value":{"name":"Z","value":"0"}},
             {"op":"remove","path":"/spec/tolerations"},
             {"op":"move","from":"/metadata/labels/app","path":"/metadata/labels/application"},
             {"op":"copy","from":"/spec/containers/1/image","path":"/metadata/annotations/sidecar"},
             {"op":"test","path":"/spec/containers/0/ports/0/containerPort","value":80.0}]
            """);

    assertThat(result.at("/metadata/labels"))
        .isEqualTo(json("{\"example.com/team\":\"blue\",\"application\":\"web\"}"));
    assertThat(result.at("/metadata/annotations/tilde~key").asString()).isEqualTo("t");
    assertThat(result.at("/metadata/annotations/sidecar").asString()).isEqualTo("busybox");
    assertThat(result.at("/spec/containers/2/name").asString()).isEqualTo("third");
    assertThat(result.at("/spec/containers/0/env/0/name").asString()).isEqualTo("Z");
    assertThat(result.at("/spec/containers/0/env")).hasSize(3);
    assertThat(result.get("spec").has("tolerations")).isFalse();
  }

  @Test
  void failedTestOperationIsInvalidNamingTheObjectAndField() {
    assertThatThrownBy(
            () ->
                patch(
                    ResourceTypes.DEPLOYMENTS,
                    DEPLOYMENT,
                    PatchType.JSON_PATCH,
                    """
                    [{"op":"test","path":"/spec/replicas","value":5},
                     {"op":"replace","path":"/spec/replicas","value":6}]
                    """))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.code()).isEqualTo(422);
              assertThat(e.status().details().kind()).isEqualTo("Deployment");
              assertThat(e.status().details().name()).isEqualTo("app");
              assertThat(e.status().details().causes().getFirst().field())
                  .isEqualTo("spec.replicas");
            });
  }

  @Test
  void replaceOfMissingPathIsInvalid() {
    assertPodPatchRejected(
        PatchType.JSON_PATCH,
        "[{\"op\":\"replace\",\"path\":\"/spec/nodeName\",\"value\":\"n1\"}]",
        422,
        "spec.nodeName");
  }

  @Test
  void indexOutOfRangeIsInvalid() {
    assertPodPatchRejected(
        PatchType.JSON_PATCH, "[{\"op\":\"remove\",\"path\":\"/spec/containers/5\"}]", 422);
  }

  @Test
  void malformedJsonPatchesAreBadRequests() {
    for (String body :
        new String[] {
          "{\"op\":\"add\"}",
          "[{\"op\":\"frobnicate\",\"path\":\"/a\"}]",
          "[{\"op\":\"add\",\"path\":\"/a\"}]",
          "[{\"op\":\"add\",\"path\":\"a\",\"value\":1}]",
          "[{\"op\":\"add\",\"path\":\"/a~2b\",\"value\":1}]",
          "[{\"op\":\"move\",\"path\":\"/a\"}]"
        }) {
      assertThatThrownBy(() -> patch(ResourceTypes.PODS, POD, PatchType.JSON_PATCH, body))
          .as(body)
          .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(400));
    }
  }

  @Test
  void addWithNullValueSetsNull() {
    ObjectNode result =
        patch(
            ResourceTypes.PODS,
            POD,
            PatchType.JSON_PATCH,
            "[{\"op\":\"add\",\"path\":\"/spec/nodeName\",\"value\":null}]");

    assertThat(result.at("/spec/nodeName").isNull()).isTrue();
  }

  // --- server-side apply -------------------------------------------------------------------

  @Test
  void applyCreatesObjectWhenNoneExists() {
    ObjectNode result =
        patcher.apply(
            ResourceTypes.CONFIG_MAPS,
            null,
            PatchType.APPLY_PATCH,
            bytes(
                "{\"apiVersion\":\"v1\",\"data\":{\"a\":\"1\"},\"kind\":\"ConfigMap\","
                    + "\"metadata\":{\"name\":\"cfg\",\"namespace\":\"default\"}}"));

    assertThat(result)
        .isEqualTo(
            json(
                "{\"apiVersion\":\"v1\",\"data\":{\"a\":\"1\"},\"kind\":\"ConfigMap\","
                    + "\"metadata\":{\"name\":\"cfg\",\"namespace\":\"default\"}}"));
  }

  @Test
  void applyAcceptsYamlAndMergesOverLiveObject() {
    ObjectNode result =
        patch(
            ResourceTypes.PODS,
            POD,
            PatchType.APPLY_PATCH,
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
              labels:
                tier: fe
            spec:
              containers:
              - name: nginx
                image: nginx:1.27
            """);

    assertThat(result.at("/metadata/labels")).isEqualTo(json("{\"app\":\"web\",\"tier\":\"fe\"}"));
    assertThat(result.at("/spec/containers/0/image").asString()).isEqualTo("nginx:1.27");
    assertThat(result.at("/spec/containers/0/ports")).hasSize(1);
    assertThat(result.at("/spec/containers/1/name").asString()).isEqualTo("sidecar");
    assertThat(result.at("/metadata/uid").asString()).isEqualTo("u-1");
  }

  @Test
  void lastAppliedSecondApplyOnlyTouchesTheAnnotation() {
    ObjectNode result =
        patch(
            ResourceTypes.PODS,
            POD,
            PatchType.APPLY_PATCH,
            """
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"web","namespace":"default",
              "annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{newest}"}}}
            """);

    assertThat(
            result
                .at("/metadata/annotations/kubectl.kubernetes.io~1last-applied-configuration")
                .asString())
        .isEqualTo("{newest}");
    assertThat(result.at("/spec")).isEqualTo(json(POD).get("spec"));
  }

  @Test
  void applyOfAnotherKindIsBadRequest() {
    assertPodPatchRejected(
        PatchType.APPLY_PATCH,
        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"web\"}}",
        400,
        "ConfigMap");
  }

  // --- bodies and types --------------------------------------------------------------------

  @Test
  void unparseableOrNonObjectBodiesAreBadRequests() {
    for (PatchType type : PatchType.values()) {
      for (String body : new String[] {"", "{not json", "[1,2]", "\"text\""}) {
        if (type == PatchType.JSON_PATCH && body.equals("[1,2]")) {
          continue;
        }
        assertThatThrownBy(() -> patch(ResourceTypes.PODS, POD, type, body))
            .as(type + " " + body)
            .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(400));
      }
    }
  }

  @Test
  void patchingNeverModifiesTheLiveObject() {
    ObjectNode live = (ObjectNode) json(POD);
    for (PatchType type :
        new PatchType[] {PatchType.MERGE_PATCH, PatchType.STRATEGIC_MERGE_PATCH}) {
      patcher.apply(
          ResourceTypes.PODS,
          live,
          type,
          bytes(
              "{\"metadata\":{\"labels\":null},\"spec\":{\"containers\":[{\"name\":\"nginx\",\"image\":\"x\"}]}}"));
    }
    patcher.apply(
        ResourceTypes.PODS,
        live,
        PatchType.JSON_PATCH,
        bytes("[{\"op\":\"remove\",\"path\":\"/spec/containers/0/env/0\"}]"));

    assertThat(live).isEqualTo(json(POD));
  }

  @Test
  void patchTypeComesFromContentTypeIgnoringParametersAndCase() {
    assertThat(PatchType.fromContentType("application/strategic-merge-patch+json; charset=utf-8"))
        .contains(PatchType.STRATEGIC_MERGE_PATCH);
    assertThat(PatchType.fromContentType("Application/JSON-Patch+JSON"))
        .contains(PatchType.JSON_PATCH);
    assertThat(PatchType.fromContentType("application/merge-patch+json"))
        .contains(PatchType.MERGE_PATCH);
    assertThat(PatchType.fromContentType("application/apply-patch+yaml"))
        .contains(PatchType.APPLY_PATCH);
    assertThat(PatchType.fromContentType("application/json")).isEmpty();
  }

  private ObjectNode patch(ResourceType type, String live, PatchType patchType, String body) {
    return patcher.apply(type, (ObjectNode) json(live), patchType, bytes(body));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static JsonNode json(String text) {
    return Json.mapper().readTree(text);
  }

  /**
   * Patching {@code POD} with {@code body} fails with status {@code code}, its message containing
   * each of {@code fragments}.
   */
  private void assertPodPatchRejected(PatchType type, String body, int code, String... fragments) {
    assertThatThrownBy(() -> patch(ResourceTypes.PODS, POD, type, body))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.code()).isEqualTo(code);
              for (String fragment : fragments) {
                assertThat(e.getMessage()).contains(fragment);
              }
            });
  }
}
