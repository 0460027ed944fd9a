package io.cetus.e2e.workloads;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.cetus.e2e.support.CetusPlatform;
import io.cetus.e2e.support.Kubectl;
import io.cetus.e2e.support.PlatformNodes;
import io.cetus.e2e.support.RepositoryRoot;
import io.cetus.e2e.support.TestNamespace;

import static io.cetus.e2e.support.Eventually.within;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deployments on real containers, as issue 5 shows them: {@code kubectl create deployment} and
 * {@code examples/backend-app.yaml} come up with one ReplicaSet and their pods spread over both
 * nodes, a deleted pod is replaced, and {@code kubectl scale} converges both ways; the controllers'
 * events show in {@code kubectl describe}.
 */
@ExtendWith(CetusPlatform.class)
class DeploymentsE2E {

  private static final String NAMESPACE = "e2e-deployments";

  @RegisterExtension static final TestNamespace namespace = new TestNamespace(NAMESPACE);
  private static final String BACKEND_APP =
      RepositoryRoot.find().resolve("examples/backend-app.yaml").toString();

  /** Demo-app JVMs starting on a busy two-core machine, readiness included. */
  private static final Duration READY = Duration.ofSeconds(180);

  private final Kubectl kubectl;
  private final PlatformNodes nodes;

  DeploymentsE2E(Kubectl kubectl, PlatformNodes nodes) {
    this.kubectl = kubectl;
    this.nodes = nodes;
  }

  @Test
  void createDeploymentRunsItsReplicasThroughOneReplicaSetAndRecordsEvents() {
    assertThat(
            kubectl.ok(
                "create",
                "deployment",
                "hello",
                "-n",
                NAMESPACE,
                "--image=cetus/demo-app:0.1.0",
                "--replicas=2"))
        .contains("deployment.apps/hello created");

    awaitReady("hello", 2);
    assertThat(kubectl.ok("get", "deploy", "hello", "-n", NAMESPACE))
        .containsPattern("hello\\s+2/2\\s+2\\s+2\\s");
    List<String> replicaSets = replicaSetsOf("app=hello");
    assertThat(replicaSets).hasSize(1);
    String replicaSet = replicaSets.get(0);
    assertThat(WorkloadPods.list(kubectl, NAMESPACE, "app=hello"))
        .allSatisfy(pod -> assertThat(pod.owner()).isEqualTo(replicaSet));

    within(Duration.ofSeconds(30), "the deployment's ScalingReplicaSet event")
        .untilAsserted(
            () ->
                assertThat(kubectl.ok("describe", "deployment", "hello", "-n", NAMESPACE))
                    .contains("ScalingReplicaSet")
                    .contains("Scaled up replica set " + replicaSet + " from 0 to 2"));
    within(Duration.ofSeconds(30), "the replica set's SuccessfulCreate events")
        .untilAsserted(
            () ->
                assertThat(kubectl.ok("describe", "rs", replicaSet, "-n", NAMESPACE))
                    .contains("SuccessfulCreate")
                    .contains("Created pod: " + replicaSet + "-"));
  }

  @Test
  void backendAppRunsSpreadHealsADeletedPodAndScales() {
    assertThat(kubectl.ok("apply", "-n", NAMESPACE, "-f", BACKEND_APP))
        .contains("deployment.apps/backend-app created");

    // kubectl get deploy,rs,pods: 2/2, one replica set, a pod on each node
    awaitReady("backend-app", 2);
    List<String> replicaSets = replicaSetsOf("app=backend-app");
    assertThat(replicaSets).hasSize(1);
    String replicaSet = replicaSets.get(0);
    String table = kubectl.ok("get", "deploy,rs,pods", "-n", NAMESPACE, "-l", "app=backend-app");
    assertThat(table)
        .containsPattern("deployment.apps/backend-app\\s+2/2\\s+2\\s+2\\s")
        .containsPattern("replicaset.apps/" + replicaSet + "\\s+2\\s+2\\s+2\\s")
        .containsPattern("pod/" + replicaSet + "-\\w+\\s+1/1\\s+Running\\s");
    List<WorkloadPods.Row> pods = WorkloadPods.ready(kubectl, NAMESPACE, "app=backend-app");
    assertThat(WorkloadPods.nodes(pods)).containsExactlyInAnyOrderElementsOf(nodes.names());

    // a deleted pod is replaced, and the replacement becomes ready
    String victim = pods.get(0).name();
    kubectl.ok("delete", "pod", victim, "-n", NAMESPACE, "--wait=false");
    within(READY, "a ready replacement for " + victim)
        .untilAsserted(
            () -> {
              List<WorkloadPods.Row> ready =
                  WorkloadPods.ready(kubectl, NAMESPACE, "app=backend-app");
              assertThat(WorkloadPods.names(ready)).hasSize(2).doesNotContain(victim);
              assertThat(ready).allSatisfy(pod -> assertThat(pod.owner()).isEqualTo(replicaSet));
            });

    // scale up to 5 and down to 1: pods and status converge, still through one replica set
    kubectl.ok("scale", "deployment", "backend-app", "-n", NAMESPACE, "--replicas=5");
    awaitReady("backend-app", 5);
    assertThat(kubectl.ok("get", "deploy", "backend-app", "-n", NAMESPACE))
        .containsPattern("backend-app\\s+5/5\\s+5\\s+5\\s");
    kubectl.ok("scale", "deployment", "backend-app", "-n", NAMESPACE, "--replicas=1");
    awaitReady("backend-app", 1);
    assertThat(kubectl.ok("get", "deploy", "backend-app", "-n", NAMESPACE))
        .containsPattern("backend-app\\s+1/1\\s+1\\s+1\\s");
    assertThat(replicaSetsOf("app=backend-app")).containsExactly(replicaSet);
    within(Duration.ofSeconds(30), "ScalingReplicaSet events for both scalings")
        .untilAsserted(
            () ->
                assertThat(kubectl.ok("describe", "deployment", "backend-app", "-n", NAMESPACE))
                    .contains("Scaled up replica set " + replicaSet + " from 2 to 5")
                    .contains("Scaled down replica set " + replicaSet + " from 5 to 1"));
  }

  /**
   * Waits until the deployment reports {@code replicas} ready of {@code replicas} and exactly that
   * many pods remain, all Running and Ready (the ones scaled away gone).
   */
  private void awaitReady(String deployment, int replicas) {
    within(READY, deployment + " " + replicas + "/" + replicas + " with as many pods")
        .untilAsserted(
            () -> {
              assertThat(
                      kubectl.jsonpath(
                          NAMESPACE,
                          "deployment/" + deployment,
                          "{.status.readyReplicas}/{.status.replicas}/{.status.updatedReplicas}"))
                  .isEqualTo(replicas + "/" + replicas + "/" + replicas);
              List<WorkloadPods.Row> pods =
                  WorkloadPods.list(kubectl, NAMESPACE, "app=" + deployment);
              assertThat(pods).hasSize(replicas).allMatch(WorkloadPods.Row::runningAndReady);
            });
  }

  private List<String> replicaSetsOf(String selector) {
    String names =
        kubectl.ok(
            "get",
            "rs",
            "-n",
            NAMESPACE,
            "-l",
            selector,
            "-o",
            "jsonpath={.items[*].metadata.name}");
    return names.isBlank() ? List.of() : List.of(names.strip().split("\\s+"));
  }
}
