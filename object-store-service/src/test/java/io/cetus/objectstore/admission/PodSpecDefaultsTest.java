package io.cetus.objectstore.admission;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.cetus.api.resource.ResourceTypes;

import tools.jackson.databind.node.ObjectNode;

import static io.cetus.objectstore.admission.Manifests.yaml;
import static org.assertj.core.api.Assertions.assertThat;

class PodSpecDefaultsTest {

  private final AdmissionChain chain = new AdmissionChain();

  @Test
  void podGetsKubernetesDefaultsAndAPendingStatus() {
    ObjectNode pod = Manifests.resource("nginx-pod.yaml").get(0);

    ObjectNode admitted = chain.admitCreate(ResourceTypes.PODS, pod);

    assertThat(admitted)
        .isEqualTo(
            yaml(
                """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: nginx-pod
                  namespace: default
                  labels: {app: nginx-app}
                spec:
                  containers:
                  - name: nginx
                    image: nginx:1.27-alpine
                    imagePullPolicy: IfNotPresent
                    ports:
                    - {containerPort: 80, protocol: TCP}
                    terminationMessagePath: /dev/termination-log
                    terminationMessagePolicy: File
                    resources: {}
                  dnsPolicy: ClusterFirst
                  restartPolicy: Always
                  securityContext: {}
                  terminationGracePeriodSeconds: 30
                  schedulerName: default-scheduler
                  enableServiceLinks: true
                status: {phase: Pending, qosClass: BestEffort}
                """));
  }

  @ParameterizedTest
  @CsvSource({
    "nginx, Always",
    "nginx:latest, Always",
    "docker.io/library/nginx, Always",
    "localhost:5000/team/app, Always",
    "nginx:1.27-alpine, IfNotPresent",
    "registry.example.com:5000/app:v2, IfNotPresent",
    "nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef, IfNotPresent",
    "nginx:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef,"
        + " Always",
    "NotAValidReference, IfNotPresent"
  })
  void imagePullPolicyFollowsTheImageTag(String image, String policy) {
    ObjectNode pod =
        yaml(
            "{kind: Pod, metadata: {name: p}, spec: {containers: [{name: c, image: '"
                + image
                + "'}]}}");

    ObjectNode admitted = chain.admitCreate(ResourceTypes.PODS, pod);

    assertThat(admitted.at("/spec/containers/0/imagePullPolicy").stringValue()).isEqualTo(policy);
  }

  @Test
  void explicitValuesAreKept() {
    ObjectNode pod =
        yaml(
            """
            kind: Pod
            metadata: {name: p}
            spec:
              restartPolicy: Never
              dnsPolicy: Default
              terminationGracePeriodSeconds: 0
              enableServiceLinks: false
              containers:
              - name: c
                image: nginx
                imagePullPolicy: Never
                ports: [{containerPort: 53, protocol: UDP}]
            """);

    ObjectNode admitted = chain.admitCreate(ResourceTypes.PODS, pod);

    assertThat(admitted.at("/spec/restartPolicy").stringValue()).isEqualTo("Never");
    assertThat(admitted.at("/spec/dnsPolicy").stringValue()).isEqualTo("Default");
    assertThat(admitted.at("/spec/terminationGracePeriodSeconds").intValue()).isZero();
    assertThat(admitted.at("/spec/enableServiceLinks").booleanValue()).isFalse();
    assertThat(admitted.at("/spec/containers/0/imagePullPolicy").stringValue()).isEqualTo("Never");
    assertThat(admitted.at("/spec/containers/0/ports/0/protocol").stringValue()).isEqualTo("UDP");
  }

  @Test
  void deploymentTemplateWithProbesResourcesSecretEnvAndPreStopIsDefaulted() {
    ObjectNode deployment = Manifests.resource("backend-app.yaml").get(1);

    ObjectNode admitted = chain.admitCreate(ResourceTypes.DEPLOYMENTS, deployment);

    ObjectNode container = (ObjectNode) admitted.at("/spec/template/spec/containers/0");
    assertThat(container.get("readinessProbe"))
        .isEqualTo(
            yaml(
                """
                httpGet: {path: /health, port: http, scheme: HTTP}
                periodSeconds: 2
                timeoutSeconds: 1
                successThreshold: 1
                failureThreshold: 3
                """));
    assertThat(container.get("livenessProbe"))
        .isEqualTo(
            yaml(
                """
                httpGet: {path: /health, port: http, scheme: HTTP}
                initialDelaySeconds: 5
                periodSeconds: 5
                timeoutSeconds: 1
                successThreshold: 1
                failureThreshold: 3
                """));
    assertThat(container.at("/lifecycle/preStop"))
        .isEqualTo(yaml("{exec: {command: [sh, -c, sleep 2]}}"));
    assertThat(container.at("/env/0/valueFrom/secretKeyRef"))
        .isEqualTo(yaml("{name: backend-credentials, key: api-key}"));
    assertThat(container.at("/ports/0/protocol").stringValue()).isEqualTo("TCP");
    assertThat(container.get("resources"))
        .isEqualTo(
            yaml("{requests: {cpu: 100m, memory: 64Mi}, limits: {cpu: 500m, memory: 128Mi}}"));
    assertThat(admitted.at("/spec/template/spec/restartPolicy").stringValue()).isEqualTo("Always");
    assertThat(admitted.at("/spec/template/spec/schedulerName").stringValue())
        .isEqualTo("default-scheduler");
  }

  @Test
  void podOnlyDefaultsStayOutOfTemplates() {
    ObjectNode deployment =
        yaml(
            """
            kind: Deployment
            metadata: {name: d}
            spec:
              selector: {matchLabels: {a: b}}
              template:
                metadata: {labels: {a: b}}
                spec:
                  containers:
                  - {name: c, image: nginx, resources: {limits: {cpu: 500m}}}
            """);

    ObjectNode admitted = chain.admitCreate(ResourceTypes.DEPLOYMENTS, deployment);

    ObjectNode spec = (ObjectNode) admitted.at("/spec/template/spec");
    assertThat(spec.has("enableServiceLinks")).isFalse();
    assertThat(spec.at("/containers/0/resources")).isEqualTo(yaml("{limits: {cpu: 500m}}"));
  }

  @Test
  void podRequestsDefaultToLimitsWhereNotGiven() {
    ObjectNode pod =
        yaml(
            """
            kind: Pod
            metadata: {name: p}
            spec:
              containers:
              - name: c
                image: nginx
                resources:
                  requests: {cpu: 100m}
                  limits: {cpu: 500m, memory: 128Mi}
              initContainers:
              - name: init
                image: busybox
                resources: {limits: {memory: 64Mi}}
            """);

    ObjectNode admitted = chain.admitCreate(ResourceTypes.PODS, pod);

    assertThat(admitted.at("/spec/containers/0/resources/requests"))
        .isEqualTo(yaml("{cpu: 100m, memory: 128Mi}"));
    assertThat(admitted.at("/spec/initContainers/0/resources/requests"))
        .isEqualTo(yaml("{memory: 64Mi}"));
    assertThat(admitted.at("/status/qosClass").stringValue()).isEqualTo("Burstable");
  }

  @Test
  void podWithLimitsOnlyForCpuAndMemoryIsGuaranteed() {
    ObjectNode pod =
        yaml(
            """
            kind: Pod
            metadata: {name: p}
            spec:
              containers:
              - {name: c, image: nginx, resources: {limits: {cpu: 1, memory: 1Gi}}}
            """);

    ObjectNode admitted = chain.admitCreate(ResourceTypes.PODS, pod);

    assertThat(admitted.at("/status/qosClass").stringValue()).isEqualTo("Guaranteed");
    assertThat(admitted.at("/spec/containers/0/resources"))
        .as("numbers become quantity strings")
        .isEqualTo(yaml("{limits: {cpu: '1', memory: 1Gi}, requests: {cpu: '1', memory: 1Gi}}"));
  }

  @Test
  void probesGetTheirDefaultsWhereUnsetOrZero() {
    ObjectNode pod =
        yaml(
            """
            kind: Pod
            metadata: {name: p}
            spec:
              containers:
              - name: c
                image: nginx
                startupProbe: {tcpSocket: {port: 8080}, periodSeconds: 0, failureThreshold: 30}
                livenessProbe: {httpGet: {port: 8080}}
                lifecycle: {postStart: {httpGet: {port: 8080, path: /warm}}}
            """);

    ObjectNode admitted = chain.admitCreate(ResourceTypes.PODS, pod);

    assertThat(admitted.at("/spec/containers/0/startupProbe"))
        .isEqualTo(
            yaml(
                "{tcpSocket: {port: 8080}, periodSeconds: 10, failureThreshold: 30,"
                    + " timeoutSeconds: 1, successThreshold: 1}"));
    assertThat(admitted.at("/spec/containers/0/livenessProbe/httpGet"))
        .isEqualTo(yaml("{port: 8080, path: /, scheme: HTTP}"));
    assertThat(admitted.at("/spec/containers/0/lifecycle/postStart/httpGet"))
        .isEqualTo(yaml("{port: 8080, path: /warm, scheme: HTTP}"));
  }

  @Test
  void volumesAndEnvironmentReferencesGetTheirDefaults() {
    ObjectNode pod =
        yaml(
            """
            kind: Pod
            metadata: {name: p}
            spec:
              containers:
              - name: c
                image: nginx
                env:
                - name: POD_NAME
                  valueFrom: {fieldRef: {fieldPath: metadata.name}}
              volumes:
              - name: scratch
              - name: config
                configMap: {name: settings}
              - name: creds
                secret: {secretName: creds, defaultMode: 256}
              - name: logs
                hostPath: {path: /var/log}
            """);

    ObjectNode admitted = chain.admitCreate(ResourceTypes.PODS, pod);

    assertThat(admitted.at("/spec/containers/0/env/0/valueFrom/fieldRef/apiVersion").stringValue())
        .isEqualTo("v1");
    assertThat(admitted.at("/spec/volumes"))
        .isEqualTo(
            Manifests.tree(
                """
                - {name: scratch, emptyDir: {}}
                - {name: config, configMap: {name: settings, defaultMode: 420}}
                - {name: creds, secret: {secretName: creds, defaultMode: 256}}
                - {name: logs, hostPath: {path: /var/log, type: ''}}
                """));
  }

  @Test
  void hostNetworkPodsPublishContainerPortsOnTheHost() {
    ObjectNode pod =
        yaml(
            """
            kind: Pod
            metadata: {name: p}
            spec:
              hostNetwork: true
              containers:
              - {name: c, image: nginx, ports: [{containerPort: 8080}]}
            """);

    ObjectNode admitted = chain.admitCreate(ResourceTypes.PODS, pod);

    assertThat(admitted.at("/spec/containers/0/ports/0/hostPort").intValue()).isEqualTo(8080);
  }

  @Test
  void jobTemplatesGetNoRestartPolicyButEverythingElse() {
    ObjectNode job =
        yaml(
            """
            kind: Job
            metadata: {name: pi}
            spec:
              template:
                spec:
                  restartPolicy: Never
                  containers: [{name: pi, image: perl}]
            """);
    ObjectNode cronJob =
        yaml(
            """
            kind: CronJob
            metadata: {name: tick}
            spec:
              schedule: '@hourly'
              jobTemplate:
                spec:
                  template:
                    spec:
                      restartPolicy: OnFailure
                      containers: [{name: tick, image: busybox}]
            """);

    ObjectNode admittedJob = chain.admitCreate(ResourceTypes.JOBS, job);
    ObjectNode admittedCronJob = chain.admitCreate(ResourceTypes.CRON_JOBS, cronJob);

    assertThat(admittedJob.at("/spec/template/spec/restartPolicy").stringValue())
        .isEqualTo("Never");
    assertThat(admittedJob.at("/spec/template/spec/dnsPolicy").stringValue())
        .isEqualTo("ClusterFirst");
    assertThat(
            admittedCronJob
                .at("/spec/jobTemplate/spec/template/spec/containers/0/imagePullPolicy")
                .stringValue())
        .isEqualTo("Always");
    assertThat(
            admittedCronJob
                .at("/spec/jobTemplate/spec/template/spec/terminationGracePeriodSeconds")
                .intValue())
        .isEqualTo(30);
  }
}
