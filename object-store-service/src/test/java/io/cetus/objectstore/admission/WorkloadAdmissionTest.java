package io.cetus.objectstore.admission;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.cetus.api.resource.ResourceType;
import io.cetus.api.resource.ResourceTypes;

import tools.jackson.databind.node.ObjectNode;

import static io.cetus.objectstore.admission.Manifests.problems;
import static io.cetus.objectstore.admission.Manifests.yaml;
import static org.assertj.core.api.Assertions.assertThat;

class WorkloadAdmissionTest {

  private static final String TEMPLATE =
      "template: {metadata: {labels: {app: web}}, spec: {containers: [{name: web, image:"
          + " nginx}]}}";

  private final AdmissionChain chain = new AdmissionChain();

  @Test
  void deploymentGetsKubernetesDefaults() {
    ObjectNode admitted = chain.admitCreate(ResourceTypes.DEPLOYMENTS, workload("Deployment", ""));

    ObjectNode spec = (ObjectNode) admitted.get("spec");
    assertThat(spec.get("replicas").intValue()).isEqualTo(1);
    assertThat(spec.get("strategy"))
        .isEqualTo(
            yaml("{type: RollingUpdate, rollingUpdate: {maxUnavailable: 25%, maxSurge: 25%}}"));
    assertThat(spec.get("revisionHistoryLimit").intValue()).isEqualTo(10);
    assertThat(spec.get("progressDeadlineSeconds").intValue()).isEqualTo(600);
    assertThat(admitted.get("status")).isEqualTo(yaml("{}"));
  }

  @Test
  void deploymentDefaultsRespectWhatTheUserChose() {
    ObjectNode recreate =
        chain.admitCreate(
            ResourceTypes.DEPLOYMENTS,
            workload("Deployment", "replicas: 0\nstrategy: {type: Recreate}"));
    ObjectNode partial =
        chain.admitCreate(
            ResourceTypes.DEPLOYMENTS,
            workload("Deployment", "strategy: {rollingUpdate: {maxSurge: 1}}"));
    ObjectNode zeroValues =
        chain.admitCreate(
            ResourceTypes.DEPLOYMENTS, workload("Deployment", "strategy: {type: ''}"));

    assertThat(recreate.at("/spec/replicas").intValue()).isZero();
    assertThat(recreate.at("/spec/strategy")).isEqualTo(yaml("{type: Recreate}"));
    assertThat(partial.at("/spec/strategy"))
        .isEqualTo(
            yaml("{type: RollingUpdate, rollingUpdate: {maxSurge: 1, maxUnavailable: 25%}}"));
    assertThat(zeroValues.at("/spec/strategy/type").stringValue()).isEqualTo("RollingUpdate");
  }

  @Test
  void replicaSetGetsOneReplicaAndAZeroStatus() {
    ObjectNode admitted = chain.admitCreate(ResourceTypes.REPLICA_SETS, workload("ReplicaSet", ""));

    assertThat(admitted.at("/spec/replicas").intValue()).isEqualTo(1);
    assertThat(admitted.get("status")).isEqualTo(yaml("{replicas: 0}"));
  }

  @Test
  void statefulSetGetsKubernetesDefaults() {
    ObjectNode admitted =
        chain.admitCreate(
            ResourceTypes.STATEFUL_SETS,
            workload(
                "StatefulSet",
                """
                serviceName: web
                volumeClaimTemplates:
                - metadata: {name: data}
                  spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
                """));

    ObjectNode spec = (ObjectNode) admitted.get("spec");
    assertThat(spec.get("replicas").intValue()).isEqualTo(1);
    assertThat(spec.get("podManagementPolicy").stringValue()).isEqualTo("OrderedReady");
    assertThat(spec.get("updateStrategy"))
        .isEqualTo(yaml("{type: RollingUpdate, rollingUpdate: {partition: 0}}"));
    assertThat(spec.get("persistentVolumeClaimRetentionPolicy"))
        .isEqualTo(yaml("{whenDeleted: Retain, whenScaled: Retain}"));
    assertThat(spec.get("revisionHistoryLimit").intValue()).isEqualTo(10);
    assertThat(spec.at("/volumeClaimTemplates/0/spec/volumeMode").stringValue())
        .isEqualTo("Filesystem");
    assertThat(spec.at("/volumeClaimTemplates/0/status/phase").stringValue()).isEqualTo("Pending");
    assertThat(admitted.get("status")).isEqualTo(yaml("{replicas: 0, availableReplicas: 0}"));
  }

  @Test
  void statefulSetWithAnExplicitRollingUpdateTypeGetsNoPartition() {
    ObjectNode admitted =
        chain.admitCreate(
            ResourceTypes.STATEFUL_SETS,
            workload("StatefulSet", "updateStrategy: {type: RollingUpdate}"));

    assertThat(admitted.at("/spec/updateStrategy")).isEqualTo(yaml("{type: RollingUpdate}"));
  }

  @Test
  void daemonSetGetsKubernetesDefaults() {
    ObjectNode rolling = chain.admitCreate(ResourceTypes.DAEMON_SETS, workload("DaemonSet", ""));
    ObjectNode onDelete =
        chain.admitCreate(
            ResourceTypes.DAEMON_SETS, workload("DaemonSet", "updateStrategy: {type: OnDelete}"));

    assertThat(rolling.at("/spec/updateStrategy"))
        .isEqualTo(yaml("{type: RollingUpdate, rollingUpdate: {maxUnavailable: 1, maxSurge: 0}}"));
    assertThat(rolling.at("/spec/revisionHistoryLimit").intValue()).isEqualTo(10);
    assertThat(rolling.has("replicas")).isFalse();
    assertThat(onDelete.at("/spec/updateStrategy")).isEqualTo(yaml("{type: OnDelete}"));
  }

  @Test
  void everyWorkloadNeedsASelectorThatMatchesItsTemplate() {
    for (ResourceType type : workloadTypes()) {
      ObjectNode missing =
          yaml("{kind: " + type.kind() + ", metadata: {name: w}, spec: {" + TEMPLATE + "}}");
      ObjectNode empty = workload(type.kind(), "selector: {}");
      ObjectNode other = workload(type.kind(), "selector: {matchLabels: {app: api}}");

      assertThat(problems(() -> chain.admitCreate(type, missing)))
          .containsExactly("spec.selector: Required value");
      assertThat(problems(() -> chain.admitCreate(type, empty)))
          .containsExactly(
              "spec.selector: Invalid value: {}: empty selector is invalid for "
                  + type.kind().toLowerCase(java.util.Locale.ROOT));
      assertThat(problems(() -> chain.admitCreate(type, other)))
          .containsExactly(
              "spec.template.metadata.labels: Invalid value: {\"app\":\"web\"}: `selector` does not"
                  + " match template `labels`");
    }
  }

  @Test
  void selectorExpressionsAreChecked() {
    ObjectNode deployment =
        workload(
            "Deployment",
            """
            selector:
              matchLabels: {app: web}
              matchExpressions:
              - {key: tier, operator: In}
              - {key: env, operator: Exists, values: [prod]}
              - {key: zone, operator: Near, values: [a]}
            """);

    assertThat(problems(() -> chain.admitCreate(ResourceTypes.DEPLOYMENTS, deployment)))
        .containsExactlyInAnyOrder(
            "spec.selector.matchExpressions[0].values: Required value: must be specified when"
                + " `operator` is 'In' or 'NotIn'",
            "spec.selector.matchExpressions[1].values: Forbidden: may not be specified when"
                + " `operator` is 'Exists' or 'DoesNotExist'",
            "spec.selector.matchExpressions[2].operator: Invalid value: \"Near\": not a valid"
                + " selector operator");
  }

  @Test
  void matchExpressionsSelectTemplates() {
    ObjectNode deployment =
        workload(
            "Deployment",
            "selector: {matchExpressions: [{key: app, operator: In, values: [web, api]}]}");

    assertThat(chain.admitCreate(ResourceTypes.DEPLOYMENTS, deployment)).isNotNull();
  }

  @Test
  void theSelectorCannotChange() {
    for (ResourceType type : workloadTypes()) {
      ObjectNode stored = chain.admitCreate(type, workload(type.kind(), ""));
      ObjectNode changed = stored.deepCopy();
      ((ObjectNode) changed.at("/spec/selector/matchLabels")).put("tier", "fe");
      ((ObjectNode) changed.at("/spec/template/metadata/labels")).put("tier", "fe");

      assertThat(problems(() -> chain.admitUpdate(type, changed, stored)))
          .as(type.kind())
          .containsExactly(
              "spec.selector: Invalid value: {\"matchLabels\":{\"app\":\"web\",\"tier\":\"fe\"}}:"
                  + " field is immutable");
    }
  }

  @Test
  void scalingAndChangingTheTemplateAreUpdatesLikeAnyOther() {
    ObjectNode stored =
        chain.admitCreate(ResourceTypes.STATEFUL_SETS, workload("StatefulSet", "serviceName: web"));
    ObjectNode scaled = stored.deepCopy();
    ((ObjectNode) scaled.get("spec")).put("replicas", 3);
    ((ObjectNode) scaled.at("/spec/template/spec/containers/0")).put("image", "nginx:1.28");

    ObjectNode admitted = chain.admitUpdate(ResourceTypes.STATEFUL_SETS, scaled, stored);

    assertThat(admitted.at("/spec/replicas").intValue()).isEqualTo(3);
  }

  @Test
  void statefulSetFieldsOutsideTheMutableOnesCannotChange() {
    ObjectNode stored =
        chain.admitCreate(ResourceTypes.STATEFUL_SETS, workload("StatefulSet", "serviceName: web"));
    ObjectNode renamed = stored.deepCopy();
    ((ObjectNode) renamed.get("spec")).put("serviceName", "other");

    assertThat(problems(() -> chain.admitUpdate(ResourceTypes.STATEFUL_SETS, renamed, stored)))
        .singleElement()
        .asString()
        .startsWith("spec: Forbidden: updates to statefulset spec for fields other than");
  }

  @Test
  void workloadPodsMustAlwaysRestart() {
    ObjectNode deployment =
        yaml(
            "{kind: Deployment, metadata: {name: w}, spec: {selector: {matchLabels: {app: web}},"
                + " template: {metadata: {labels: {app: web}}, spec: {restartPolicy: OnFailure,"
                + " containers: [{name: web, image: nginx}]}}}}");

    assertThat(problems(() -> chain.admitCreate(ResourceTypes.DEPLOYMENTS, deployment)))
        .containsExactly(
            "spec.template.spec.restartPolicy: Unsupported value: \"OnFailure\": supported"
                + " values: \"Always\"");
  }

  @Test
  void deploymentStrategiesMustBeAbleToMakeProgress() {
    assertThat(invalidDeployment("strategy: {type: BlueGreen}"))
        .containsExactly(
            "spec.strategy.type: Unsupported value: \"BlueGreen\": supported values:"
                + " \"Recreate\", \"RollingUpdate\"");
    assertThat(invalidDeployment("strategy: {type: Recreate, rollingUpdate: {maxSurge: 1}}"))
        .containsExactly(
            "spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is"
                + " 'Recreate'");
    assertThat(invalidDeployment("strategy: {rollingUpdate: {maxSurge: 0, maxUnavailable: 0%}}"))
        .containsExactly(
            "spec.strategy.rollingUpdate.maxUnavailable: Invalid value: \"0%\": may not be 0 when"
                + " `maxSurge` is 0");
    assertThat(
            invalidDeployment(
                "strategy: {rollingUpdate: {maxSurge: -1, maxUnavailable: 120%}}\n"
                    + "minReadySeconds: 30\nprogressDeadlineSeconds: 30"))
        .containsExactlyInAnyOrder(
            "spec.strategy.rollingUpdate.maxSurge: Invalid value: -1: must be greater than or"
                + " equal to 0",
            "spec.strategy.rollingUpdate.maxUnavailable: Invalid value: \"120%\": must not be"
                + " greater than 100%",
            "spec.progressDeadlineSeconds: Invalid value: 30: must be greater than"
                + " minReadySeconds");
    assertThat(invalidDeployment("strategy: {rollingUpdate: {maxSurge: quarter}}"))
        .singleElement()
        .asString()
        .startsWith(
            "spec.strategy.rollingUpdate.maxSurge: Invalid value: \"quarter\": a valid percent"
                + " string");
  }

  @Test
  void daemonSetRollingUpdatesMustBeAbleToMakeProgress() {
    ObjectNode daemonSet =
        workload("DaemonSet", "updateStrategy: {rollingUpdate: {maxUnavailable: 0, maxSurge: 0}}");

    assertThat(problems(() -> chain.admitCreate(ResourceTypes.DAEMON_SETS, daemonSet)))
        .containsExactly(
            "spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: 0: cannot be 0 when"
                + " maxSurge is 0");
  }

  private List<String> invalidDeployment(String spec) {
    ObjectNode deployment = workload("Deployment", spec);
    return problems(() -> chain.admitCreate(ResourceTypes.DEPLOYMENTS, deployment));
  }

  private static List<ResourceType> workloadTypes() {
    return List.of(
        ResourceTypes.DEPLOYMENTS,
        ResourceTypes.REPLICA_SETS,
        ResourceTypes.DAEMON_SETS,
        ResourceTypes.STATEFUL_SETS);
  }

  /** A valid workload of {@code kind} with the extra spec fields in {@code spec} (YAML). */
  private static ObjectNode workload(String kind, String spec) {
    ObjectNode object = yaml("{kind: " + kind + ", metadata: {name: web}}");
    ObjectNode specNode =
        (ObjectNode) Manifests.tree("{selector: {matchLabels: {app: web}}, " + TEMPLATE + "}");
    if (!spec.isBlank()) {
      ((ObjectNode) Manifests.tree(spec))
          .properties()
          .forEach(e -> specNode.set(e.getKey(), e.getValue()));
    }
    object.set("spec", specNode);
    return object;
  }
}
