package io.cetus.e2e.nodes;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.cetus.e2e.support.CetusPlatform;
import io.cetus.e2e.support.Docker;
import io.cetus.e2e.support.Kubectl;
import io.cetus.e2e.support.PlatformNodes;
import io.cetus.e2e.support.TestNamespace;

import static io.cetus.e2e.support.Eventually.within;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A node agent that dies as its machine would ({@code ./cetus node stop}: SIGKILL) stops renewing
 * its lease: the node turns NotReady within the grace period (20 s). Its containers keep running,
 * and the agent started again re-adopts them instead of starting new ones.
 */
@ExtendWith(CetusPlatform.class)
class NodeFailureE2E {

  private static final String NAMESPACE = "e2e-node-failure";

  @RegisterExtension static final TestNamespace namespace = new TestNamespace(NAMESPACE);

  /** The scheduler's node grace period, plus the agent's heartbeat interval and some slack. */
  private static final Duration NOT_READY_DEADLINE = Duration.ofSeconds(20 + 10 + 15);

  /**
   * Tolerates the unreachable taint for ever, as Kubernetes' pods may: the scheduler then leaves it
   * bound to the dead node instead of evicting it.
   */
  private static final String SURVIVOR =
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: survivor
      spec:
        nodeSelector:
          kubernetes.io/hostname: %s
        tolerations:
          - key: node.kubernetes.io/unreachable
            operator: Exists
            effect: NoExecute
        containers:
          - name: app
            image: cetus/demo-app:0.1.0
            imagePullPolicy: IfNotPresent
            readinessProbe:
              httpGet: {path: /ready, port: 8080}
              periodSeconds: 1
              failureThreshold: 1
      """;

  private final Kubectl kubectl;
  private final PlatformNodes nodes;

  NodeFailureE2E(Kubectl kubectl, PlatformNodes nodes) {
    this.kubectl = kubectl;
    this.nodes = nodes;
  }

  @Test
  void aKilledAgentsNodeTurnsNotReadyAndTheRestartedAgentReadoptsItsContainers() {
    String node = nodes.second();
    kubectl.apply(NAMESPACE, SURVIVOR.formatted(node));
    within(Duration.ofSeconds(120), "survivor 1/1 Running")
        .untilAsserted(
            () ->
                assertThat(kubectl.ok("get", "pod", "survivor", "-n", NAMESPACE))
                    .containsPattern("survivor\\s+1/1\\s+Running\\s+0\\s"));
    String uid = field("{.metadata.uid}");
    String containerId = field("{.status.containerStatuses[0].containerID}");
    String startedAt = field("{.status.containerStatuses[0].state.running.startedAt}");
    List<Docker.Container> containers = Docker.runningContainersOfPod(uid);
    assertThat(containers).extracting(Docker.Container::name).containsExactly("POD", "app");
    assertThat("docker://" + containers.get(1).id()).isEqualTo(containerId);

    nodes.stop(node);
    try {
      within(NOT_READY_DEADLINE, node + " NotReady")
          .untilAsserted(
              () -> assertThat(PlatformNodes.status(kubectl, node)).isEqualTo("NotReady"));
      assertThat(kubectl.ok("get", "nodes"))
          .containsPattern(node + "\\s+NotReady\\s")
          .containsPattern(nodes.first() + "\\s+Ready\\s");
      assertThat(
              kubectl.ok(
                  "get",
                  "node",
                  node,
                  "-o",
                  "jsonpath={.status.conditions[?(@.type==\"Ready\")].status}"))
          .isEqualTo("Unknown");
      // A dead agent is not a dead machine: the pod's containers run on.
      assertThat(Docker.runningContainersOfPod(uid)).isEqualTo(containers);
    } finally {
      nodes.start(node);
    }

    nodes.awaitReady(kubectl, node, Duration.ofSeconds(90));
    // The new agent's probes reach the adopted container: it reports it ready again.
    within(Duration.ofSeconds(60), "survivor ready under the new agent")
        .untilAsserted(
            () ->
                assertThat(kubectl.ok("get", "pod", "survivor", "-n", NAMESPACE))
                    .containsPattern("survivor\\s+1/1\\s+Running\\s+0\\s"));
    // Nothing is restarted while the new agent settles (its first syncs and probe rounds).
    await("the adopted containers left alone")
        .during(Duration.ofSeconds(10))
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              assertThat(Docker.runningContainersOfPod(uid)).isEqualTo(containers);
              assertThat(field("{.status.containerStatuses[0].restartCount}")).isEqualTo("0");
            });
    assertThat(field("{.status.containerStatuses[0].containerID}")).isEqualTo(containerId);
    assertThat(field("{.status.containerStatuses[0].state.running.startedAt}"))
        .isEqualTo(startedAt);
    assertThat(field("{.spec.nodeName}")).isEqualTo(node);

    // and it drives them: a readiness switch flipped in the old container reaches kubectl
    kubectl.ok(
        "exec",
        "survivor",
        "-n",
        NAMESPACE,
        "--",
        "wget",
        "-qO-",
        "http://localhost:8080/switch/ready?on=false");
    within(Duration.ofSeconds(60), "survivor 0/1 after its readiness switch")
        .untilAsserted(
            () ->
                assertThat(kubectl.ok("get", "pod", "survivor", "-n", NAMESPACE))
                    .containsPattern("survivor\\s+0/1\\s+Running\\s+0\\s"));
  }

  private String field(String jsonpath) {
    return kubectl.jsonpath(NAMESPACE, "pod/survivor", jsonpath);
  }
}
