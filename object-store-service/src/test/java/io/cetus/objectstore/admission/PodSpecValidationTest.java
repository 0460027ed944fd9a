package io.cetus.objectstore.admission;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.cetus.api.resource.ResourceTypes;

import tools.jackson.databind.node.ObjectNode;

import static io.cetus.objectstore.admission.Manifests.problems;
import static io.cetus.objectstore.admission.Manifests.yaml;
import static org.assertj.core.api.Assertions.assertThat;

class PodSpecValidationTest {

  private final AdmissionChain chain = new AdmissionChain();

  @Test
  void examplePodsAreValid() {
    for (String file : List.of("nginx-pod.yaml", "simple-echo.yaml")) {
      ObjectNode admitted = chain.admitCreate(ResourceTypes.PODS, Manifests.resource(file).get(0));
      assertThat(admitted.at("/status/phase").stringValue()).isEqualTo("Pending");
    }
  }

  @Test
  void aPodNeedsAtLeastOneContainer() {
    assertThat(invalidPod("containers: []")).containsExactly("spec.containers: Required value");
    assertThat(
            problems(
                () ->
                    chain.admitCreate(
                        ResourceTypes.PODS, yaml("{kind: Pod, metadata: {name: p}}"))))
        .containsExactly("spec.containers: Required value");
  }

  @Test
  void containerNamesAreRequiredDnsLabelsUniqueAcrossInitContainers() {
    assertThat(
            invalidPod(
                """
                initContainers: [{name: setup, image: busybox}]
                containers:
                - {image: nginx}
                - {name: Web_1, image: nginx}
                - {name: setup, image: nginx}
                """))
        .hasSize(3)
        .contains(
            "spec.containers[0].name: Required value",
            "spec.containers[2].name: Duplicate value: \"setup\"")
        .anyMatch(
            p ->
                p.startsWith(
                    "spec.containers[1].name: Invalid value: \"Web_1\": a DNS-1123 label"));
  }

  @Test
  void imageMustNotHaveSurroundingWhitespace() {
    assertThat(invalidPod("containers: [{name: c, image: ' nginx'}]"))
        .containsExactly(
            "spec.containers[0].image: Invalid value: \" nginx\": must not have leading or trailing"
                + " whitespace");
  }

  @Test
  void containerPortsAreCheckedOneByOne() {
    assertThat(
            invalidPod(
                """
                containers:
                - name: c
                  image: nginx
                  ports:
                  - {name: http}
                  - {containerPort: 0}
                  - {containerPort: 80, hostPort: 70000, protocol: HTTP}
                  - {containerPort: 81, name: http}
                  - {containerPort: 82, name: a-very-long-port-name}
                  - {containerPort: 83, name: "8080"}
                """))
        .containsExactlyInAnyOrder(
            "spec.containers[0].ports[0].containerPort: Required value",
            "spec.containers[0].ports[1].containerPort: Required value",
            "spec.containers[0].ports[2].hostPort: Invalid value: 70000: must be between 1 and"
                + " 65535, inclusive",
            "spec.containers[0].ports[2].protocol: Unsupported value: \"HTTP\": supported values:"
                + " \"SCTP\", \"TCP\", \"UDP\"",
            "spec.containers[0].ports[3].name: Duplicate value: \"http\"",
            "spec.containers[0].ports[4].name: Invalid value: \"a-very-long-port-name\": must be no"
                + " more than 15 characters",
            "spec.containers[0].ports[5].name: Invalid value: \"8080\": must contain at least one"
                + " letter (a-z)");
  }

  @Test
  void environmentVariablesNeedNamesAndOneSource() {
    assertThat(
            invalidPod(
                """
                containers:
                - name: c
                  image: nginx
                  env:
                  - {value: x}
                  - {name: A=B, value: x}
                  - name: BOTH
                    value: x
                    valueFrom: {secretKeyRef: {name: s, key: k}}
                  - name: NO_KEY
                    valueFrom: {configMapKeyRef: {name: settings}}
                  - name: NOTHING
                    valueFrom: {}
                  - name: FIELD
                    valueFrom: {fieldRef: {fieldPath: spec.containers}}
                """))
        .containsExactlyInAnyOrder(
            "spec.containers[0].env[0].name: Required value",
            "spec.containers[0].env[1].name: Invalid value: \"A=B\": a valid environment variable"
                + " name must consist only of printable ASCII characters other than '='",
            "spec.containers[0].env[2].valueFrom: Invalid value: \"\": may not be specified when"
                + " `value` is not empty",
            "spec.containers[0].env[3].valueFrom.configMapKeyRef.key: Required value",
            "spec.containers[0].env[4].valueFrom: Invalid value: \"\": must specify one of:"
                + " `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`",
            "spec.containers[0].env[5].valueFrom.fieldRef.fieldPath: Unsupported value:"
                + " \"spec.containers\": supported values: \"metadata.name\","
                + " \"metadata.namespace\", \"metadata.uid\", \"metadata.labels\","
                + " \"metadata.annotations\", \"spec.nodeName\", \"spec.serviceAccountName\","
                + " \"status.hostIP\", \"status.hostIPs\", \"status.podIP\", \"status.podIPs\"");
  }

  @Test
  void fieldRefsMayNameOneLabelOrAnnotation() {
    ObjectNode pod =
        pod(
            """
            containers:
            - name: c
              image: nginx
              env:
              - name: APP
                valueFrom: {fieldRef: {fieldPath: "metadata.labels['app']"}}
            """);

    assertThat(chain.admitCreate(ResourceTypes.PODS, pod)).isNotNull();
  }

  @Test
  void volumesAreUniqueAndMountsReferToThem() {
    assertThat(
            invalidPod(
                """
                volumes:
                - {name: data, emptyDir: {}}
                - {name: data, configMap: {name: x}}
                - {name: two, emptyDir: {}, hostPath: {path: /tmp}}
                - {name: cm, configMap: {}}
                containers:
                - name: c
                  image: nginx
                  volumeMounts:
                  - {name: data, mountPath: /data}
                  - {name: cache, mountPath: /data}
                  - {name: data, mountPath: /x, subPath: ../etc}
                """))
        .containsExactlyInAnyOrder(
            "spec.volumes[1].name: Duplicate value: \"data\"",
            "spec.volumes[2].emptyDir: Forbidden: may not specify more than 1 volume type",
            "spec.volumes[3].configMap.name: Required value",
            "spec.containers[0].volumeMounts[1].name: Not found: \"cache\"",
            "spec.containers[0].volumeMounts[1].mountPath: Invalid value: \"/data\": must be"
                + " unique",
            "spec.containers[0].volumeMounts[2].subPath: Invalid value: \"../etc\": must not"
                + " contain '..'");
  }

  @Test
  void podPoliciesMustBeSupported() {
    assertThat(
            invalidPod(
                """
                restartPolicy: Sometimes
                dnsPolicy: None
                terminationGracePeriodSeconds: -1
                activeDeadlineSeconds: 0
                containers: [{name: c, image: nginx, imagePullPolicy: Sometimes}]
                """))
        .containsExactlyInAnyOrder(
            "spec.restartPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\","
                + " \"OnFailure\", \"Never\"",
            "spec.dnsConfig: Required value: must provide `dnsConfig` when `dnsPolicy` is None",
            "spec.terminationGracePeriodSeconds: Invalid value: -1: must be greater than or equal"
                + " to 0",
            "spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647,"
                + " inclusive",
            "spec.containers[0].imagePullPolicy: Unsupported value: \"Sometimes\": supported"
                + " values: \"Always\", \"IfNotPresent\", \"Never\"");
  }

  @Test
  void resourcesMustBeQuantitiesWithRequestsWithinLimits() {
    assertThat(
            invalidPod(
                """
                containers:
                - name: c
                  image: nginx
                  resources:
                    requests: {cpu: '2', memory: 1Gx, gpu: '1'}
                    limits: {cpu: '1', memory: -1Mi}
                """))
        .containsExactlyInAnyOrder(
            "spec.containers[0].resources.requests: Invalid value: \"2\": must be less than or"
                + " equal to cpu limit of 1",
            "spec.containers[0].resources.requests[memory]: Invalid value: \"1Gx\": "
                + Quantities.FORMAT,
            "spec.containers[0].resources.requests[gpu]: Invalid value: \"gpu\": must be a"
                + " standard resource for containers",
            "spec.containers[0].resources.limits[memory]: Invalid value: \"-1Mi\": must be greater"
                + " than or equal to 0");
  }

  @Test
  void extendedResourcesAreAccepted() {
    ObjectNode pod =
        pod(
            """
            containers:
            - name: c
              image: nginx
              resources: {limits: {example.com/gpu: 1, hugepages-2Mi: 64Mi, ephemeral-storage: 1Gi}}
            """);

    assertThat(chain.admitCreate(ResourceTypes.PODS, pod)).isNotNull();
  }

  @Test
  void probesNeedOneHandlerAndSensibleNumbers() {
    assertThat(
            invalidPod(
                """
                containers:
                - name: c
                  image: nginx
                  livenessProbe: {httpGet: {port: 8080}, tcpSocket: {port: 8080}, successThreshold: 2}
                  readinessProbe: {periodSeconds: -5, exec: {command: [cat, /tmp/ready]}}
                  startupProbe: {httpGet: {port: not_a_name, scheme: FTP}}
                """))
        .containsExactlyInAnyOrder(
            "spec.containers[0].livenessProbe.tcpSocket: Forbidden: may not specify more than 1"
                + " handler type",
            "spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1",
            "spec.containers[0].readinessProbe.periodSeconds: Invalid value: -5: must be greater"
                + " than or equal to 0",
            "spec.containers[0].startupProbe.httpGet.port: Invalid value: \"not_a_name\": must"
                + " contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)",
            "spec.containers[0].startupProbe.httpGet.scheme: Unsupported value: \"FTP\":"
                + " supported values: \"HTTP\", \"HTTPS\"");
    assertThat(
            invalidPod("containers: [{name: c, image: nginx, livenessProbe: {periodSeconds: 3}}]"))
        .containsExactly(
            "spec.containers[0].livenessProbe: Required value: must specify a handler type");
  }

  @Test
  void onlySidecarInitContainersMayHaveProbes() {
    assertThat(
            invalidPod(
                """
                initContainers:
                - {name: setup, image: busybox, readinessProbe: {exec: {command: [cat, /tmp/ready]}}}
                - {name: proxy, image: envoy, restartPolicy: Always, readinessProbe: {exec: {command: [cat, /tmp/ready]}}}
                - {name: odd, image: busybox, restartPolicy: Never}
                containers: [{name: c, image: nginx, restartPolicy: Always}]
                """))
        .containsExactlyInAnyOrder(
            "spec.initContainers[0].readinessProbe: Forbidden: may not be set for init containers"
                + " without restartPolicy=Always",
            "spec.initContainers[2].restartPolicy: Unsupported value: \"Never\": supported"
                + " values: \"Always\"",
            "spec.containers[0].restartPolicy: Forbidden: may not be set for non-init containers");
  }

  @Test
  void schedulingFieldsAreChecked() {
    assertThat(
            invalidPod(
                """
                nodeSelector: {disk: "fast ssd"}
                tolerations:
                - {key: dedicated, operator: Exists, value: gpu}
                - {operator: Equal, value: x, effect: NoSchedule}
                - {key: k, effect: Sometimes}
                containers: [{name: c, image: nginx}]
                """))
        .hasSize(4)
        .anyMatch(p -> p.startsWith("spec.nodeSelector: Invalid value: \"fast ssd\""))
        .contains(
            "spec.tolerations[0].operator: Invalid value: \"gpu\": value must be empty when"
                + " `operator` is 'Exists'",
            "spec.tolerations[1].operator: Invalid value: \"Equal\": operator must be Exists when"
                + " `key` is empty, which means \"match all values and all keys\"",
            "spec.tolerations[2].effect: Unsupported value: \"Sometimes\": supported values:"
                + " \"NoSchedule\", \"PreferNoSchedule\", \"NoExecute\"");
  }

  private List<String> invalidPod(String spec) {
    ObjectNode pod = pod(spec);
    return problems(() -> chain.admitCreate(ResourceTypes.PODS, pod));
  }

  private static ObjectNode pod(String spec) {
    ObjectNode pod = yaml("{apiVersion: v1, kind: Pod, metadata: {name: p}}");
    pod.set("spec", Manifests.tree(spec));
    return pod;
  }
}
