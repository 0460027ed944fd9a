package io.cetus.e2e.workloads;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.cetus.e2e.support.CetusPlatform;
import io.cetus.e2e.support.Docker;
import io.cetus.e2e.support.Kubectl;
import io.cetus.e2e.support.TestNamespace;

import static io.cetus.e2e.support.Eventually.within;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * ReplicaSets with the stock kubectl: relabelling a pod quarantines it (the ReplicaSet releases it,
 * it keeps running, and a replacement takes its place), and a ReplicaSet whose selector does not
 * select its own template is refused at admission.
 */
@ExtendWith(CetusPlatform.class)
class ReplicaSetsE2E {

  private static final String NAMESPACE = "e2e-replicasets";

  @RegisterExtension static final TestNamespace namespace = new TestNamespace(NAMESPACE);

  private static final String REPLICA_SET =
      """
      apiVersion: apps/v1
      kind: ReplicaSet
      metadata:
        name: %s
      spec:
        replicas: 2
        selector:
          matchLabels: {app: %s}
        template:
          metadata:
            labels: {app: %s}
          spec:
            containers:
              - name: app
                image: cetus/demo-app:0.1.0
                imagePullPolicy: IfNotPresent
                readinessProbe:
                  httpGet: {path: /ready, port: 8080}
                  periodSeconds: 1
      """;

  private static final Duration READY = Duration.ofSeconds(180);

  private final Kubectl kubectl;

  ReplicaSetsE2E(Kubectl kubectl) {
    this.kubectl = kubectl;
  }

  @Test
  void aRelabelledPodIsReleasedKeepsRunningAndIsReplaced() {
    kubectl.apply(NAMESPACE, REPLICA_SET.formatted("quarantine", "quarantine", "quarantine"));
    within(READY, "quarantine's 2 pods ready")
        .untilAsserted(
            () -> assertThat(WorkloadPods.ready(kubectl, NAMESPACE, "app=quarantine")).hasSize(2));
    WorkloadPods.Row suspect = WorkloadPods.list(kubectl, NAMESPACE, "app=quarantine").get(0);
    assertThat(suspect.owner()).isEqualTo("quarantine");
    List<Docker.Container> containers = Docker.runningContainersOfPod(suspect.uid());

    kubectl.ok("label", "pod", suspect.name(), "-n", NAMESPACE, "app=debug", "--overwrite");

    within(Duration.ofSeconds(60), suspect.name() + " released")
        .untilAsserted(
            () ->
                assertThat(
                        kubectl.jsonpath(
                            NAMESPACE, "pod/" + suspect.name(), "{.metadata.ownerReferences}"))
                    .isEmpty());
    within(READY, "a ready replacement for " + suspect.name())
        .untilAsserted(
            () -> {
              List<WorkloadPods.Row> ready =
                  WorkloadPods.ready(kubectl, NAMESPACE, "app=quarantine");
              assertThat(ready).hasSize(2).noneMatch(pod -> pod.name().equals(suspect.name()));
              assertThat(ready).allMatch(pod -> pod.owner().equals("quarantine"));
            });
    assertThat(kubectl.jsonpath(NAMESPACE, "rs/quarantine", "{.status.readyReplicas}"))
        .isEqualTo("2");
    // the quarantined pod is left alone: still Running in the same containers, for debugging
    List<WorkloadPods.Row> debug = WorkloadPods.list(kubectl, NAMESPACE, "app=debug");
    assertThat(debug).hasSize(1);
    assertThat(debug.get(0).name()).isEqualTo(suspect.name());
    assertThat(debug.get(0).runningAndReady()).isTrue();
    assertThat(Docker.runningContainersOfPod(suspect.uid())).isEqualTo(containers);
    within(Duration.ofSeconds(30), "SuccessfulCreate events for all three pods")
        .untilAsserted(
            () ->
                assertThat(kubectl.ok("describe", "rs", "quarantine", "-n", NAMESPACE))
                    .containsPattern("(?s)(SuccessfulCreate.*){3}"));
  }

  @Test
  void aSelectorThatDoesNotMatchTheTemplateIsRefusedAtAdmission() {
    Kubectl.Result refused =
        kubectl.runWithInput(
            REPLICA_SET.formatted("mismatched", "selected", "templated"),
            "apply",
            "-n",
            NAMESPACE,
            "-f",
            "-",
            "-v=6");

    assertThat(refused.exitCode()).isNotZero();
    assertThat(refused.stderr())
        .containsPattern("POST \\S+/replicasets\\S* 422 Unprocessable Entity")
        .contains("The ReplicaSet \"mismatched\" is invalid")
        .contains("spec.template.metadata.labels")
        .contains("`selector` does not match template `labels`");
    assertThat(kubectl.run("get", "rs", "mismatched", "-n", NAMESPACE).exitCode()).isNotZero();
  }
}
