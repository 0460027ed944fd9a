package io.cetus.objectstore.admission;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.cetus.api.errors.ApiException;
import io.cetus.api.errors.StatusCause;
import io.cetus.api.resource.ResourceType;
import io.cetus.api.resource.ResourceTypes;

import tools.jackson.databind.node.ObjectNode;

import static io.cetus.objectstore.admission.Manifests.causes;
import static io.cetus.objectstore.admission.Manifests.problems;
import static io.cetus.objectstore.admission.Manifests.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AdmissionChainTest {

  private final AdmissionChain chain = new AdmissionChain();

  @Test
  void missingImageFailsWithKubectlsMessage() {
    ObjectNode pod =
        yaml(
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: bad}
            spec:
              containers:
              - name: web
            """);

    ApiException e =
        catchThrowableOfType(ApiException.class, () -> chain.admitCreate(ResourceTypes.PODS, pod));

    assertThat(e.getMessage())
        .isEqualTo("The Pod \"bad\" is invalid: spec.containers[0].image: Required value");
    assertThat(e.status().reason()).isEqualTo("Invalid");
    assertThat(e.status().details().kind()).isEqualTo("Pod");
    assertThat(e.status().details().name()).isEqualTo("bad");
    assertThat(e.status().details().causes())
        .containsExactly(
            new StatusCause("FieldValueRequired", "Required value", "spec.containers[0].image"));
  }

  @Test
  void everyProblemOfAnObjectIsReportedAtOnce() {
    ObjectNode deployment =
        yaml(
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: Web_App, labels: {"bad key!": x}}
            spec:
              replicas: -1
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers:
                  - name: web
                    image: nginx
                    ports: [{containerPort: 70000}]
            """);

    assertThat(problems(() -> chain.admitCreate(ResourceTypes.DEPLOYMENTS, deployment)))
        .hasSize(4)
        .anyMatch(p -> p.startsWith("metadata.name: Invalid value: \"Web_App\""))
        .anyMatch(p -> p.startsWith("metadata.labels: Invalid value: \"bad key!\""))
        .contains(
            "spec.replicas: Invalid value: -1: must be greater than or equal to 0",
            "spec.template.spec.containers[0].ports[0].containerPort: Invalid value: 70000: must"
                + " be between 1 and 65535, inclusive");
  }

  @Test
  void valuesOfTheWrongJsonTypeAreInvalidFieldsNotServerErrors() {
    ObjectNode deployment =
        yaml(
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              replicas: two
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers: {}
            """);
    ObjectNode pod =
        yaml(
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: web, labels: {version: 1.0}}
            spec:
              terminationGracePeriodSeconds: soon
              containers:
              - name: web
                image: nginx
                ports: [{containerPort: x}]
                env: {A: b}
            """);

    assertThat(problems(() -> chain.admitCreate(ResourceTypes.DEPLOYMENTS, deployment)))
        .containsExactlyInAnyOrder(
            "spec.replicas: Invalid value: \"two\": must be of type integer",
            "spec.template.spec.containers: Invalid value: \"object\": must be of type array");
    assertThat(problems(() -> chain.admitCreate(ResourceTypes.PODS, pod)))
        .containsExactlyInAnyOrder(
            "metadata.labels[version]: Invalid value: 1.0: must be of type string",
            "spec.terminationGracePeriodSeconds: Invalid value: \"soon\": must be of type integer",
            "spec.containers[0].ports[0].containerPort: Invalid value: \"x\": must be of type"
                + " integer",
            "spec.containers[0].env: Invalid value: \"object\": must be of type array");
  }

  @Test
  void zeroValuesOfProtobufRequestsCountAsUnset() {
    ObjectNode deployment =
        yaml(
            """
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"}},
             "spec":{"replicas":2,"selector":{"matchLabels":{"app":"web"},"matchExpressions":[]},
              "template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx",
               "image":"nginx","imagePullPolicy":"","terminationMessagePath":"","resources":{},
               "ports":[{"name":"","containerPort":80,"hostPort":0,"protocol":""}]}],
               "restartPolicy":"","dnsPolicy":"","schedulerName":""}},
              "strategy":{},"minReadySeconds":0,"paused":false},"status":{}}
            """);
    ObjectNode service =
        yaml(
            """
            {"apiVersion":"v1","kind":"Service","metadata":{"name":"web"},
             "spec":{"type":"ClusterIP","clusterIP":"","externalTrafficPolicy":"","sessionAffinity":"",
              "ports":[{"name":"","port":80,"protocol":"","targetPort":80,"nodePort":0}],
              "externalName":"","loadBalancerIP":"","publishNotReadyAddresses":false,
              "healthCheckNodePort":0}}
            """);

    ObjectNode admittedDeployment = chain.admitCreate(ResourceTypes.DEPLOYMENTS, deployment);
    ObjectNode admittedService = chain.admitCreate(ResourceTypes.SERVICES, service);

    assertThat(admittedDeployment.at("/spec/strategy/type").stringValue())
        .isEqualTo("RollingUpdate");
    assertThat(admittedDeployment.at("/spec/template/spec/restartPolicy").stringValue())
        .isEqualTo("Always");
    assertThat(
            admittedDeployment.at("/spec/template/spec/containers/0/imagePullPolicy").stringValue())
        .isEqualTo("Always");
    assertThat(
            admittedDeployment
                .at("/spec/template/spec/containers/0/ports/0/protocol")
                .stringValue())
        .isEqualTo("TCP");
    assertThat(admittedService.at("/spec/sessionAffinity").stringValue()).isEqualTo("None");
    assertThat(admittedService.at("/spec/ports/0/protocol").stringValue()).isEqualTo("TCP");
  }

  @Test
  void aFieldOfTheWrongTypeIsReportedOnceWithoutComplaintsAboutWhatItShouldHold() {
    ObjectNode pod = yaml("{apiVersion: v1, kind: Pod, metadata: {name: p}, spec: [1]}");
    ObjectNode deployment = Manifests.resource("backend-app.yaml").get(1);
    ((ObjectNode) deployment.get("spec")).put("strategy", "fast");

    assertThat(problems(() -> chain.admitCreate(ResourceTypes.PODS, pod)))
        .containsExactly("spec: Invalid value: \"array\": must be of type object");
    assertThat(problems(() -> chain.admitCreate(ResourceTypes.DEPLOYMENTS, deployment)))
        .containsExactly("spec.strategy: Invalid value: \"fast\": must be of type object");
  }

  @Test
  void createNeverChangesItsArgumentAndKeepsFieldsItDoesNotModel() {
    ObjectNode pod =
        yaml(
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              futureField: {keep: me}
              containers:
              - {name: web, image: nginx, futureContainerField: 7}
            """);
    ObjectNode before = pod.deepCopy();

    ObjectNode admitted = chain.admitCreate(ResourceTypes.PODS, pod);

    assertThat(pod).isEqualTo(before);
    assertThat(admitted.at("/spec/futureField/keep").stringValue()).isEqualTo("me");
    assertThat(admitted.at("/spec/containers/0/futureContainerField").intValue()).isEqualTo(7);
    assertThat(admitted.at("/spec/dnsPolicy").stringValue()).isEqualTo("ClusterFirst");
  }

  @Test
  void createReplacesTheStatusOfKindsWithAStatusSubresource() {
    ObjectNode deployment = Manifests.resource("backend-app.yaml").get(1);
    deployment.putObject("status").put("replicas", 5);

    ObjectNode admitted = chain.admitCreate(ResourceTypes.DEPLOYMENTS, deployment);

    assertThat(admitted.get("status")).isEqualTo(yaml("{}"));
  }

  @Test
  void updateKeepsTheStoredStatusAndDefaultsTheNewSpec() {
    ObjectNode stored =
        chain.admitCreate(ResourceTypes.DEPLOYMENTS, Manifests.resource("backend-app.yaml").get(1));
    stored.putObject("status").put("replicas", 2).put("readyReplicas", 2);
    ObjectNode replacement = Manifests.resource("backend-app.yaml").get(1);
    replacement.withObjectProperty("spec").put("replicas", 3);
    replacement.putObject("status").put("replicas", 99);

    ObjectNode storedBefore = stored.deepCopy();
    ObjectNode replacementBefore = replacement.deepCopy();

    ObjectNode admitted = chain.admitUpdate(ResourceTypes.DEPLOYMENTS, replacement, stored);

    assertThat(stored).isEqualTo(storedBefore);
    assertThat(replacement).isEqualTo(replacementBefore);
    assertThat(admitted.at("/status/replicas").intValue()).isEqualTo(2);
    assertThat(admitted.at("/spec/replicas").intValue()).isEqualTo(3);
    assertThat(admitted.at("/spec/strategy/rollingUpdate/maxSurge").stringValue()).isEqualTo("25%");
  }

  @Test
  void statusUpdateKeepsTheStoredSpecAndMetadataButTakesTheStatus() {
    ObjectNode stored =
        chain.admitCreate(ResourceTypes.DEPLOYMENTS, Manifests.resource("backend-app.yaml").get(1));
    ObjectNode write = stored.deepCopy();
    write.withObjectProperty("spec").put("replicas", 7);
    write.withObjectProperty("metadata").withObjectProperty("labels").put("sneaky", "yes");
    write.withObjectProperty("metadata").put("resourceVersion", "41");
    write.putObject("status").put("replicas", 2).put("observedGeneration", 1);

    ObjectNode storedBefore = stored.deepCopy();
    ObjectNode writeBefore = write.deepCopy();

    ObjectNode admitted = chain.admitStatusUpdate(ResourceTypes.DEPLOYMENTS, write, stored);

    assertThat(stored).isEqualTo(storedBefore);
    assertThat(write).isEqualTo(writeBefore);
    assertThat(admitted.get("spec")).isEqualTo(stored.get("spec"));
    assertThat(admitted.at("/metadata/labels")).isEqualTo(stored.at("/metadata/labels"));
    assertThat(admitted.at("/metadata/resourceVersion").stringValue()).isEqualTo("41");
    assertThat(admitted.at("/status/replicas").intValue()).isEqualTo(2);
  }

  @Test
  void statusUpdateValidatesTheStatusLightly() {
    ObjectNode stored =
        chain.admitCreate(ResourceTypes.DEPLOYMENTS, Manifests.resource("backend-app.yaml").get(1));
    ObjectNode write = stored.deepCopy();
    write.putObject("status").put("replicas", -2).put("readyReplicas", "all");

    assertThat(problems(() -> chain.admitStatusUpdate(ResourceTypes.DEPLOYMENTS, write, stored)))
        .containsExactlyInAnyOrder(
            "status.replicas: Invalid value: -2: must be greater than or equal to 0",
            "status.readyReplicas: Invalid value: \"all\": must be of type integer");
  }

  @Test
  void statusUpdateMayNotRenameTheObject() {
    ObjectNode stored =
        chain.admitCreate(ResourceTypes.DEPLOYMENTS, Manifests.resource("backend-app.yaml").get(1));
    ObjectNode write = stored.deepCopy();
    write.withObjectProperty("metadata").put("name", "other");

    assertThat(problems(() -> chain.admitStatusUpdate(ResourceTypes.DEPLOYMENTS, write, stored)))
        .containsExactly("metadata.name: Invalid value: \"other\": field is immutable");
  }

  @Test
  void updateMayNotRenameOrMoveTheObject() {
    ObjectNode stored = chain.admitCreate(ResourceTypes.CONFIG_MAPS, configMap("settings"));
    ObjectNode renamed = configMap("other");
    renamed.withObjectProperty("metadata").put("namespace", "prod");

    assertThat(problems(() -> chain.admitUpdate(ResourceTypes.CONFIG_MAPS, renamed, stored)))
        .containsExactlyInAnyOrder(
            "metadata.name: Invalid value: \"other\": field is immutable",
            "metadata.namespace: Invalid value: \"prod\": field is immutable");
  }

  @Test
  void everyKindIsAdmittedWithItsMinimalValidManifest() {
    List<ResourceType> checked = ResourceTypes.all();
    for (ResourceType type : checked) {
      ObjectNode object = minimal(type);
      ObjectNode admitted = chain.admitCreate(type, object);
      assertThat(admitted.at("/metadata/name").stringValue()).as(type.kind()).isNotEmpty();
    }
  }

  @Test
  void kindsWithoutStatusSubresourceRefuseStatusUpdates() {
    ObjectNode stored = chain.admitCreate(ResourceTypes.CONFIG_MAPS, configMap("settings"));

    assertThat(
            catchThrowableOfType(
                IllegalArgumentException.class,
                () -> chain.admitStatusUpdate(ResourceTypes.CONFIG_MAPS, stored, stored)))
        .hasMessageContaining("configmaps");
  }

  @Test
  void invalidObjectWithoutNameIsReportedWithAnEmptyName() {
    ObjectNode configMap = yaml("{apiVersion: v1, kind: ConfigMap, metadata: {}}");

    List<StatusCause> causes =
        causes(() -> chain.admitCreate(ResourceTypes.CONFIG_MAPS, configMap));

    assertThat(causes)
        .extracting(StatusCause::field, StatusCause::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "metadata.name", "Required value: name or generateName is required"));
  }

  private static ObjectNode configMap(String name) {
    return yaml(
        "{apiVersion: v1, kind: ConfigMap, metadata: {name: " + name + "}, data: {a: '1'}}");
  }

  private static ObjectNode minimal(ResourceType type) {
    String podSpec = "{containers: [{name: c, image: busybox}]}";
    String jobPodSpec = "{restartPolicy: Never, containers: [{name: c, image: busybox}]}";
    String manifest =
        switch (type.kind()) {
          case "Pod" -> "{metadata: {name: x}, spec: " + podSpec + "}";
          case "Service" -> "{metadata: {name: x}, spec: {ports: [{port: 80}]}}";
          case "Deployment", "ReplicaSet", "DaemonSet", "StatefulSet" ->
              "{metadata: {name: x}, spec: {selector: {matchLabels: {a: b}}, template: {metadata:"
                  + " {labels: {a: b}}, spec: "
                  + podSpec
                  + "}}}";
          case "Job" -> "{metadata: {name: x}, spec: {template: {spec: " + jobPodSpec + "}}}";
          case "CronJob" ->
              "{metadata: {name: x}, spec: {schedule: '*/5 * * * *', jobTemplate: {spec:"
                  + " {template: {spec: "
                  + jobPodSpec
                  + "}}}}}";
          default -> "{metadata: {name: x}}";
        };
    ObjectNode object = type.namespaced() ? yaml(manifest) : Manifests.clusterYaml(manifest);
    object.put("apiVersion", type.apiVersion()).put("kind", type.kind());
    return object;
  }
}
