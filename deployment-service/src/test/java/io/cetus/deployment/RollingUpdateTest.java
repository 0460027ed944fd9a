package io.cetus.deployment;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cetus.api.apps.Deployment;
import io.cetus.api.apps.DeploymentCondition;
import io.cetus.api.apps.DeploymentStatus;
import io.cetus.api.apps.ReplicaSet;
import io.cetus.api.meta.Condition;
import io.cetus.api.meta.IntOrString;
import io.cetus.api.meta.ObjectMeta;
import io.cetus.api.meta.OwnerReference;

import static io.cetus.deployment.Fixtures.NAMESPACE;
import static io.cetus.deployment.Fixtures.deployment;
import static io.cetus.deployment.Fixtures.rolling;
import static org.assertj.core.api.Assertions.assertThat;

/** Rolling updates, step by step, with the test playing the replica set controller. */
class RollingUpdateTest {

  private final DeploymentHarness harness = new DeploymentHarness();

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void firstReplicaSetIsCreatedWithRevisionOneAndTheRolloutCompletes() throws Exception {
    Deployment created =
        harness.deployments.create(
            deployment("web", 3, "nginx:1.27")
                .withMetadata(
                    ObjectMeta.named(NAMESPACE, "web")
                        .withAnnotations(Map.of("kubernetes.io/change-cause", "first"))));
    harness.start();

    harness.reconcile("web");

    assertThat(harness.replicaSets.list(NAMESPACE).items()).hasSize(1);
    ReplicaSet rs = harness.replicaSets.list(NAMESPACE).items().getFirst();
    String hash = rs.metadata().labels().get("pod-template-hash");
    assertThat(hash).isNotBlank();
    assertThat(rs.metadata().name()).isEqualTo("web-" + hash);
    assertThat(rs.metadata().labels()).containsEntry("app", "web");
    assertThat(rs.spec().selector().matchLabels())
        .isEqualTo(Map.of("app", "web", "pod-template-hash", hash));
    assertThat(rs.spec().template().metadata().labels())
        .isEqualTo(Map.of("app", "web", "pod-template-hash", hash));
    assertThat(rs.metadata().ownerReferences())
        .containsExactly(
            new OwnerReference(
                "apps/v1", "Deployment", "web", created.metadata().uid(), true, true));
    assertThat(rs.metadata().annotations())
        .containsEntry("deployment.kubernetes.io/revision", "1")
        .containsEntry("deployment.kubernetes.io/desired-replicas", "3")
        .containsEntry("deployment.kubernetes.io/max-replicas", "4")
        .containsEntry("kubernetes.io/change-cause", "first");
    assertThat(rs.spec().replicas()).isEqualTo(3);
    Deployment web = harness.deployment("web");
    assertThat(web.metadata().annotations())
        .containsEntry("deployment.kubernetes.io/revision", "1");
    assertThat(progressing(web))
        .extracting(DeploymentCondition::status, DeploymentCondition::reason)
        .containsExactly(Condition.TRUE, "NewReplicaSetCreated");
    assertThat(harness.eventMessages("ScalingReplicaSet"))
        .containsExactly("Scaled up replica set " + rs.metadata().name() + " from 0 to 3");

    harness.settle(true);
    harness.reconcileUntilSteady("web");

    web = harness.deployment("web");
    DeploymentStatus status = web.status();
    assertThat(status.observedGeneration()).isEqualTo(web.metadata().generation());
    assertThat(status.replicas()).isEqualTo(3);
    assertThat(status.updatedReplicas()).isEqualTo(3);
    assertThat(status.readyReplicas()).isEqualTo(3);
    assertThat(status.availableReplicas()).isEqualTo(3);
    assertThat(status.unavailableReplicas()).isZero();
    assertThat(condition(web, DeploymentCondition.AVAILABLE))
        .extracting(DeploymentCondition::status, DeploymentCondition::reason)
        .containsExactly(Condition.TRUE, "MinimumReplicasAvailable");
    assertThat(progressing(web))
        .extracting(
            DeploymentCondition::status, DeploymentCondition::reason, DeploymentCondition::message)
        .containsExactly(
            Condition.TRUE,
            "NewReplicaSetAvailable",
            "ReplicaSet \"" + rs.metadata().name() + "\" has successfully progressed.");
  }

  @Test
  void templateChangeRollsOutWithinSurgeAndUnavailabilityAtEveryStep() throws Exception {
    harness.deployments.create(
        rolling(deployment("web", 4, "nginx:1.27"), IntOrString.of(1), IntOrString.of(1)));
    harness.start();
    harness.reconcile("web");
    harness.settle(true);
    harness.reconcileUntilSteady("web");
    ReplicaSet first = harness.replicaSetWithImage("nginx:1.27").orElseThrow();

    harness.setImage("web", "nginx:1.28");
    int steps = 0;
    while (!rolledOut("web")) {
      harness.reconcile("web");
      assertWithinBounds(4, 1, 1);
      harness.settle(true);
      assertThat(++steps).as("steps").isLessThan(30);
    }

    ReplicaSet second = harness.replicaSetWithImage("nginx:1.28").orElseThrow();
    assertThat(second.metadata().annotations())
        .containsEntry("deployment.kubernetes.io/revision", "2");
    assertThat(second.spec().replicas()).isEqualTo(4);
    assertThat(harness.replicaSet(first.metadata().name()).spec().replicas()).isZero();
    assertThat(harness.deployment("web").metadata().annotations())
        .containsEntry("deployment.kubernetes.io/revision", "2");
    assertThat(harness.eventMessages("ScalingReplicaSet"))
        .contains(
            "Scaled up replica set " + second.metadata().name() + " from 0 to 1",
            "Scaled down replica set " + first.metadata().name() + " from 4 to 3");
    assertThat(harness.replicaSets.list(NAMESPACE).items()).hasSize(2);
  }

  @Test
  void percentagesRoundSurgeUpAndUnavailabilityDown() throws Exception {
    // 25% of 10: surge 3 (2.5 up), unavailable 2 (2.5 down)
    harness.deployments.create(
        rolling(deployment("web", 10, "nginx:1.27"), IntOrString.of("25%"), IntOrString.of("25%")));
    harness.start();
    harness.reconcile("web");
    harness.settle(true);
    harness.reconcileUntilSteady("web");
    ReplicaSet first = harness.replicaSetWithImage("nginx:1.27").orElseThrow();
    assertThat(first.metadata().annotations())
        .containsEntry("deployment.kubernetes.io/max-replicas", "13");

    harness.setImage("web", "nginx:1.28");
    harness.reconcile("web"); // the new replica set within the surge, then the old one

    assertThat(harness.replicaSetWithImage("nginx:1.28").orElseThrow().spec().replicas())
        .isEqualTo(3);
    assertThat(harness.replicaSet(first.metadata().name()).spec().replicas()).isEqualTo(8);
  }

  @Test
  void oldReplicaSetsLoseTheirUnavailablePodsFirst() throws Exception {
    harness.deployments.create(
        rolling(deployment("web", 4, "nginx:1.27"), IntOrString.of(1), IntOrString.of(1)));
    harness.start();
    harness.reconcile("web");
    ReplicaSet first = harness.replicaSetWithImage("nginx:1.27").orElseThrow();
    harness.setStatus(first.metadata().name(), 4, 2); // two of its pods never became ready
    harness.reconcileUntilSteady("web");

    harness.setImage("web", "nginx:1.28");
    harness.reconcile("web");

    assertThat(harness.replicaSetWithImage("nginx:1.28").orElseThrow().spec().replicas())
        .isEqualTo(1);
    // 2 available < 3 wanted available, yet an unavailable old pod may go: it serves nobody
    assertThat(harness.replicaSet(first.metadata().name()).spec().replicas()).isEqualTo(3);
  }

  @Test
  void scalingMidRolloutIsSpreadInProportion() throws Exception {
    harness.deployments.create(
        rolling(deployment("web", 10, "nginx:1.27"), IntOrString.of(3), IntOrString.of(2)));
    harness.start();
    harness.reconcile("web");
    harness.settle(true);
    harness.reconcileUntilSteady("web");
    String first = harness.replicaSetWithImage("nginx:1.27").orElseThrow().metadata().name();
    harness.setImage("web", "nginx:1.28");
    harness.reconcile("web");
    harness.settle(false);
    String second = harness.replicaSetWithImage("nginx:1.28").orElseThrow().metadata().name();
    assertThat(harness.replicaSet(first).spec().replicas()).isEqualTo(8);
    assertThat(harness.replicaSet(second).spec().replicas()).isEqualTo(3);

    harness.patchSpec("web", "{\"replicas\":20}");
    harness.reconcile("web");

    // 23 allowed, 11 held: 8*23/13 rounds to 14 (+6), 3*23/13 to 5 (+2); the 4 left go to the
    // largest
    assertThat(harness.replicaSet(first).spec().replicas()).isEqualTo(18);
    assertThat(harness.replicaSet(second).spec().replicas()).isEqualTo(5);
    for (String name : List.of(first, second)) {
      assertThat(harness.replicaSet(name).metadata().annotations())
          .containsEntry("deployment.kubernetes.io/desired-replicas", "20")
          .containsEntry("deployment.kubernetes.io/max-replicas", "23");
    }
    assertThat(harness.eventMessages("ScalingReplicaSet"))
        .contains(
            "Scaled up replica set " + first + " from 8 to 18",
            "Scaled up replica set " + second + " from 3 to 5");

    harness.settle(true);
    int steps = 0;
    while (!rolledOut("web")) {
      harness.reconcile("web");
      assertWithinBounds(20, 5, 5); // 25% of 20, the surge of the new spec (3 → 5 by default)
      harness.settle(true);
      assertThat(++steps).as("steps").isLessThan(30);
    }
  }

  @Test
  void scalingDownACompletedDeploymentScalesItsReplicaSet() throws Exception {
    harness.deployments.create(deployment("web", 3, "nginx:1.27"));
    harness.start();
    harness.reconcile("web");
    harness.settle(true);
    harness.reconcileUntilSteady("web");
    String name = harness.replicaSetWithImage("nginx:1.27").orElseThrow().metadata().name();

    harness.patchSpec("web", "{\"replicas\":1}");
    harness.reconcile("web");

    assertThat(harness.replicaSet(name).spec().replicas()).isEqualTo(1);
    assertThat(harness.eventMessages("ScalingReplicaSet"))
        .contains("Scaled down replica set " + name + " from 3 to 1");
  }

  /**
   * The deployment's status reads as {@code kubectl rollout status}'s "successfully rolled out".
   */
  private boolean rolledOut(String name) {
    harness.awaitCachesCaughtUp();
    Deployment d = harness.deployment(name);
    DeploymentStatus s = d.status();
    return d.metadata().generation() <= s.observedGeneration()
        && s.updatedReplicas() == d.spec().replicas()
        && s.replicas() == s.updatedReplicas()
        && s.availableReplicas() >= s.updatedReplicas();
  }

  /**
   * After a reconcile: no more pods wanted than {@code replicas + surge}; and of the pods that were
   * available, at least {@code replicas - unavailable} are still wanted.
   */
  private void assertWithinBounds(int replicas, int surge, int unavailable) {
    int wanted = 0;
    int stillAvailable = 0;
    for (ReplicaSet rs : harness.replicaSets.list(NAMESPACE).items()) {
      wanted += rs.spec().replicas();
      stillAvailable += Math.min(rs.spec().replicas(), rs.status().availableReplicas());
    }
    assertThat(wanted).as("pods wanted").isLessThanOrEqualTo(replicas + surge);
    assertThat(stillAvailable)
        .as("available pods kept")
        .isGreaterThanOrEqualTo(replicas - unavailable);
  }

  static DeploymentCondition progressing(Deployment deployment) {
    return condition(deployment, DeploymentCondition.PROGRESSING);
  }

  static DeploymentCondition condition(Deployment deployment, String type) {
    return Condition.find(deployment.status().conditions(), type).orElseThrow();
  }
}
