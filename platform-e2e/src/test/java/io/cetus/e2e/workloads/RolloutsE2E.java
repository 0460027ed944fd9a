package io.cetus.e2e.workloads;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.cetus.e2e.support.CetusPlatform;
import io.cetus.e2e.support.Kubectl;
import io.cetus.e2e.support.TestNamespace;

import static io.cetus.e2e.support.Eventually.within;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rollouts driven by the stock kubectl on real containers: {@code set image}, {@code rollout
 * status}, {@code history} and {@code undo} (which re-uses the previous ReplicaSet), and a rollout
 * to an image that never becomes ready, which stops at the surge limit and keeps {@code replicas -
 * maxUnavailable} old pods ready.
 */
@ExtendWith(CetusPlatform.class)
class RolloutsE2E {

  private static final String NAMESPACE = "e2e-rollouts";

  @RegisterExtension static final TestNamespace namespace = new TestNamespace(NAMESPACE);
  private static final String IMAGE = "cetus/demo-app:0.1.0";

  /**
   * The same image under another name: a new pod template, so a new ReplicaSet, that Docker still
   * finds on the machine without a registry.
   */
  private static final String SAME_IMAGE_RENAMED = "docker.io/cetus/demo-app:0.1.0";

  /** An image no node has and no registry serves: its pods never become ready. */
  private static final String MISSING_IMAGE = "cetus/demo-app:does-not-exist";

  private static final Duration ROLLOUT = Duration.ofSeconds(240);

  /**
   * Three replicas, at most one more pod and at most one fewer ready than that during a rollout.
   */
  private static final String WEB =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: %1$s
        labels: {app: %1$s}
      spec:
        replicas: 3
        strategy:
          type: RollingUpdate
          rollingUpdate: {maxSurge: 1, maxUnavailable: 1}
        selector:
          matchLabels: {app: %1$s}
        template:
          metadata:
            labels: {app: %1$s}
          spec:
            containers:
              - name: app
                image: %2$s
                imagePullPolicy: IfNotPresent
                readinessProbe:
                  httpGet: {path: /ready, port: 8080}
                  periodSeconds: 1
      """;

  private final Kubectl kubectl;

  RolloutsE2E(Kubectl kubectl) {
    this.kubectl = kubectl;
  }

  @Test
  void setImageRollsOutAndUndoReturnsToThePreviousReplicaSet() {
    String name = "web";
    kubectl.apply(NAMESPACE, WEB.formatted(name, IMAGE));
    rolloutStatus(name);
    String first = single(replicaSetsOf(name));

    kubectl.ok("set", "image", "deployment/" + name, "app=" + SAME_IMAGE_RENAMED, "-n", NAMESPACE);
    String progress = rolloutStatus(name);
    assertThat(progress)
        .contains("Waiting for deployment \"" + name + "\"")
        .contains("deployment \"" + name + "\" successfully rolled out");
    List<String> both = replicaSetsOf(name);
    assertThat(both).hasSize(2).contains(first);
    String second = both.stream().filter(rs -> !rs.equals(first)).findFirst().orElseThrow();
    awaitOnly(name, second, SAME_IMAGE_RENAMED);
    assertThat(replicas(first)).isEqualTo("0");
    assertThat(kubectl.ok("rollout", "history", "deployment/" + name, "-n", NAMESPACE))
        .containsPattern("(?m)^1\\s")
        .containsPattern("(?m)^2\\s");

    assertThat(kubectl.ok("rollout", "undo", "deployment/" + name, "-n", NAMESPACE))
        .contains("rolled back");
    rolloutStatus(name);
    // the first replica set is the new one again, now revision 3; no third was made
    assertThat(replicaSetsOf(name)).containsExactlyInAnyOrder(first, second);
    awaitOnly(name, first, IMAGE);
    assertThat(replicas(second)).isEqualTo("0");
    assertThat(
            kubectl.jsonpath(
                NAMESPACE,
                "rs/" + first,
                "{.metadata.annotations.deployment\\.kubernetes\\.io/revision}"))
        .isEqualTo("3");
    assertThat(kubectl.ok("rollout", "history", "deployment/" + name, "-n", NAMESPACE))
        .containsPattern("(?m)^2\\s")
        .containsPattern("(?m)^3\\s")
        .doesNotContainPattern("(?m)^1\\s");
  }

  @Test
  void aRolloutThatNeverBecomesReadyStopsAtTheSurgeLimitAndKeepsEnoughOldPodsReady() {
    String name = "stuck";
    kubectl.apply(NAMESPACE, WEB.formatted(name, IMAGE));
    rolloutStatus(name);
    String old = single(replicaSetsOf(name));

    kubectl.ok("set", "image", "deployment/" + name, "app=" + MISSING_IMAGE, "-n", NAMESPACE);
    // 3 replicas, maxSurge 1, maxUnavailable 1: the new replica set grows to 2 while the old one
    // shrinks to 2, then nothing more can happen until a new pod is ready.
    AtomicInteger fewestReady = new AtomicInteger(Integer.MAX_VALUE);
    AtomicInteger mostPods = new AtomicInteger();
    within(ROLLOUT, "the rollout at its surge limit: 2 new pods wanted, 2 old")
        .untilAsserted(
            () -> {
              observe(name, fewestReady, mostPods);
              List<String> replicaSets = replicaSetsOf(name);
              assertThat(replicaSets).hasSize(2);
              String added = replicaSets.stream().filter(rs -> !rs.equals(old)).findFirst().get();
              assertThat(replicas(added)).isEqualTo("2");
              assertThat(replicas(old)).isEqualTo("2");
            });
    // stuck there: never more than 4 pods, never fewer than 2 ready, all of them old
    await("the stuck rollout holding")
        .during(Duration.ofSeconds(15))
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              observe(name, fewestReady, mostPods);
              List<WorkloadPods.Row> ready = WorkloadPods.ready(kubectl, NAMESPACE, "app=" + name);
              assertThat(ready).hasSize(2).allMatch(pod -> pod.image().equals(IMAGE));
            });
    assertThat(fewestReady.get()).as("fewest ready pods seen").isGreaterThanOrEqualTo(2);
    assertThat(mostPods.get()).as("most live pods seen").isLessThanOrEqualTo(4);

    assertThat(kubectl.jsonpath(NAMESPACE, "deployment/" + name, "{.status.availableReplicas}"))
        .isEqualTo("2");

    // undo brings it back: the old replica set takes all replicas again
    kubectl.ok("rollout", "undo", "deployment/" + name, "-n", NAMESPACE);
    rolloutStatus(name);
    awaitOnly(name, old, IMAGE);
  }

  @Test
  void rolloutStatusOfAStuckRolloutFailsAtItsTimeout() {
    String name = "stalled";
    kubectl.apply(NAMESPACE, WEB.formatted(name, IMAGE));
    rolloutStatus(name);
    kubectl.ok("set", "image", "deployment/" + name, "app=" + MISSING_IMAGE, "-n", NAMESPACE);
    within(ROLLOUT, "the stalled rollout at its surge limit")
        .untilAsserted(
            () ->
                assertThat(
                        kubectl.jsonpath(
                            NAMESPACE,
                            "deployment/" + name,
                            "{.status.updatedReplicas}/{.status.availableReplicas}"))
                    .isEqualTo("2/2"));

    Kubectl.Result status =
        kubectl.run("rollout", "status", "deployment/" + name, "-n", NAMESPACE, "--timeout=5s");

    assertThat(status.exitCode()).as(status.stdout()).isNotZero();
    assertThat(status.stderr()).contains("timed out waiting for the condition");
    assertThat(status.stdout()).contains("Waiting for deployment \"" + name + "\" rollout");
  }

  /** Records the fewest ready pods and the most live pods seen so far. */
  private void observe(String name, AtomicInteger fewestReady, AtomicInteger mostPods) {
    List<WorkloadPods.Row> pods = WorkloadPods.live(kubectl, NAMESPACE, "app=" + name);
    fewestReady.accumulateAndGet(
        (int) pods.stream().filter(WorkloadPods.Row::runningAndReady).count(), Math::min);
    mostPods.accumulateAndGet(pods.size(), Math::max);
  }

  /** {@code kubectl rollout status} until the rollout completes; returns what it printed. */
  private String rolloutStatus(String name) {
    return kubectl.ok(
        "rollout",
        "status",
        "deployment/" + name,
        "-n",
        NAMESPACE,
        "--timeout=" + ROLLOUT.toSeconds() + "s");
  }

  /** Waits until the deployment's only pods are three ready ones of this replica set and image. */
  private void awaitOnly(String name, String replicaSet, String image) {
    within(ROLLOUT, "only " + replicaSet + "'s pods left")
        .untilAsserted(
            () ->
                assertThat(WorkloadPods.list(kubectl, NAMESPACE, "app=" + name))
                    .hasSize(3)
                    .allSatisfy(
                        pod -> {
                          assertThat(pod.owner()).isEqualTo(replicaSet);
                          assertThat(pod.image()).isEqualTo(image);
                          assertThat(pod.runningAndReady()).isTrue();
                        }));
  }

  private String replicas(String replicaSet) {
    return kubectl.jsonpath(NAMESPACE, "rs/" + replicaSet, "{.spec.replicas}");
  }

  private List<String> replicaSetsOf(String name) {
    String names =
        kubectl.ok(
            "get",
            "rs",
            "-n",
            NAMESPACE,
            "-l",
            "app=" + name,
            "-o",
            "jsonpath={.items[*].metadata.name}");
    return names.isBlank() ? List.of() : List.of(names.strip().split("\\s+"));
  }

  private static String single(List<String> replicaSets) {
    assertThat(replicaSets).hasSize(1);
    return replicaSets.get(0);
  }
}
