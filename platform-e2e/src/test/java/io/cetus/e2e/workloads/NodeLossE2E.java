package io.cetus.e2e.workloads;

import java.time.Duration;
import java.util.List;
import java.util.Set;

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

/**
 * Self-healing across machines: when a node agent dies ({@code ./cetus node stop}, SIGKILL), its
 * node turns NotReady after the grace period, its pods are evicted after the eviction timeout, and
 * the Deployment's ReplicaSet replaces them on the node that is left. The time from the kill is
 * printed (the figure itself belongs in {@code docs/benchmarks.md}, not in an assertion).
 */
@ExtendWith(CetusPlatform.class)
class NodeLossE2E {

  private static final String NAMESPACE = "e2e-node-loss";

  @RegisterExtension static final TestNamespace namespace = new TestNamespace(NAMESPACE);

  /**
   * The scheduler's grace period (20 s) and eviction timeout (10 s) after the last heartbeat, its
   * monitor period, then new demo-app JVMs starting on a busy machine: generous on purpose.
   */
  private static final Duration REPLACED = Duration.ofSeconds(120);

  private static final String DEPLOYMENT =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: survivors
      spec:
        replicas: 4
        selector:
          matchLabels: {app: survivors}
        template:
          metadata:
            labels: {app: survivors}
          spec:
            containers:
              - name: app
                image: cetus/demo-app:0.1.0
                imagePullPolicy: IfNotPresent
                readinessProbe:
                  httpGet: {path: /ready, port: 8080}
                  periodSeconds: 1
      """;

  private final Kubectl kubectl;
  private final PlatformNodes nodes;

  NodeLossE2E(Kubectl kubectl, PlatformNodes nodes) {
    this.kubectl = kubectl;
    this.nodes = nodes;
  }

  @Test
  void theLostNodesPodsAreReplacedOnTheNodeLeft() {
    kubectl.apply(NAMESPACE, DEPLOYMENT);
    within(Duration.ofSeconds(180), "4 survivors ready on both nodes")
        .untilAsserted(
            () -> {
              List<WorkloadPods.Row> ready =
                  WorkloadPods.ready(kubectl, NAMESPACE, "app=survivors");
              assertThat(ready).hasSize(4);
              assertThat(WorkloadPods.nodes(ready))
                  .containsExactlyInAnyOrderElementsOf(nodes.names());
            });
    String lost = nodes.second();
    String left = nodes.first();
    List<WorkloadPods.Row> stranded =
        WorkloadPods.list(kubectl, NAMESPACE, "app=survivors").stream()
            .filter(pod -> pod.node().equals(lost))
            .toList();
    Set<String> strandedNames = WorkloadPods.names(stranded);

    long killed = System.nanoTime();
    nodes.stop(lost);
    try {
      within(REPLACED, "4 survivors running on " + left + " only")
          .untilAsserted(
              () -> {
                List<WorkloadPods.Row> live =
                    WorkloadPods.live(kubectl, NAMESPACE, "app=survivors");
                assertThat(live).hasSize(4).allMatch(pod -> pod.phase().equals("Running"));
                assertThat(WorkloadPods.nodes(live)).containsExactly(left);
              });
      Duration running = Duration.ofNanos(System.nanoTime() - killed);
      within(REPLACED, "4 survivors ready on " + left + " only")
          .untilAsserted(
              () -> {
                List<WorkloadPods.Row> ready =
                    WorkloadPods.ready(kubectl, NAMESPACE, "app=survivors");
                assertThat(ready).hasSize(4);
                assertThat(WorkloadPods.nodes(ready)).containsExactly(left);
                assertThat(WorkloadPods.names(ready)).doesNotContainAnyElementsOf(strandedNames);
              });
      Duration ready = Duration.ofNanos(System.nanoTime() - killed);
      System.out.printf(
          "NodeLossE2E: %d pods of %s replaced on %s: all Running %.1f s, all Ready %.1f s"
              + " after the kill%n",
          stranded.size(), lost, left, running.toMillis() / 1000.0, ready.toMillis() / 1000.0);
      assertThat(PlatformNodes.status(kubectl, lost)).isEqualTo("NotReady");
      assertThat(kubectl.jsonpath(NAMESPACE, "deployment/survivors", "{.status.readyReplicas}"))
          .isEqualTo("4");
    } finally {
      nodes.start(lost);
    }

    nodes.awaitReady(kubectl, lost, Duration.ofSeconds(90));
    // The evicted pods are gone from the API: the restarted agent removes their containers.
    within(Duration.ofSeconds(120), "the evicted pods' containers removed from " + lost)
        .untilAsserted(
            () ->
                assertThat(stranded)
                    .allSatisfy(
                        pod -> assertThat(Docker.runningContainersOfPod(pod.uid())).isEmpty()));
    assertThat(WorkloadPods.ready(kubectl, NAMESPACE, "app=survivors")).hasSize(4);
  }
}
