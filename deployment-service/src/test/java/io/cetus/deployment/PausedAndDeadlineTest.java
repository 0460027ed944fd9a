package io.cetus.deployment;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cetus.api.apps.DeploymentCondition;
import io.cetus.api.apps.ReplicaSet;
import io.cetus.api.meta.Condition;
import io.cetus.controller.reconcile.Result;

import static io.cetus.deployment.Fixtures.deployment;
import static io.cetus.deployment.Fixtures.with;
import static io.cetus.deployment.RollingUpdateTest.progressing;
import static org.assertj.core.api.Assertions.assertThat;

/** Pausing a rollout, and a rollout that stops making progress. */
class PausedAndDeadlineTest {

  private final DeploymentHarness harness = new DeploymentHarness();

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void aPausedDeploymentScalesButDoesNotRollOutUntilResumed() throws Exception {
    harness.deployments.create(deployment("web", 2, "nginx:1.27"));
    harness.start();
    harness.reconcile("web");
    harness.settle(true);
    harness.reconcileUntilSteady("web");
    String first = harness.replicaSetWithImage("nginx:1.27").orElseThrow().metadata().name();

    harness.patchSpec("web", "{\"paused\":true}");
    harness.setImage("web", "nginx:1.28");
    harness.reconcileUntilSteady("web");

    assertThat(harness.replicaSetWithImage("nginx:1.28")).isEmpty();
    assertThat(progressing(harness.deployment("web")))
        .extracting(
            DeploymentCondition::status, DeploymentCondition::reason, DeploymentCondition::message)
        .containsExactly(Condition.UNKNOWN, "DeploymentPaused", "Deployment is paused");

    harness.patchSpec("web", "{\"replicas\":4}");
    harness.reconcileUntilSteady("web");
    assertThat(harness.replicaSet(first).spec().replicas())
        .as("scaling still applies")
        .isEqualTo(4);
    assertThat(harness.replicaSetWithImage("nginx:1.28")).isEmpty();

    harness.patchSpec("web", "{\"paused\":null}");
    harness.reconcile("web");

    ReplicaSet second = harness.replicaSetWithImage("nginx:1.28").orElseThrow();
    assertThat(second.spec().replicas()).isEqualTo(1); // 25% surge of 4
    assertThat(second.metadata().annotations())
        .containsEntry("deployment.kubernetes.io/revision", "2");
    assertThat(progressing(harness.deployment("web")).reason()).isEqualTo("NewReplicaSetCreated");
  }

  @Test
  void resumingIsRecordedWhenThereIsNothingToRollOut() throws Exception {
    harness.deployments.create(with(deployment("web", 1, "nginx:1.27"), null, true, null));
    harness.start();
    harness.reconcileUntilSteady("web");
    assertThat(harness.replicaSets.list(Fixtures.NAMESPACE).items())
        .as("a paused deployment gets no replica set")
        .isEmpty();
    assertThat(progressing(harness.deployment("web")).reason()).isEqualTo("DeploymentPaused");

    harness.patchSpec("web", "{\"paused\":false}");
    harness.reconcileUntilSteady("web");

    assertThat(harness.replicaSets.list(Fixtures.NAMESPACE).items()).hasSize(1);
  }

  @Test
  void aRolloutThatStopsProgressingExceedsItsDeadline() throws Exception {
    harness.deployments.create(with(deployment("web", 2, "nginx:1.27"), null, null, 60));
    harness.start();

    Result created = harness.reconcileUntilSteady("web");

    assertThat(created.requeueAfter()).isEqualTo(Duration.ofSeconds(61));
    String name = harness.replicaSetWithImage("nginx:1.27").orElseThrow().metadata().name();

    // one pod becomes available after 30 s: progress, which restarts the deadline
    harness.clock.advance(Duration.ofSeconds(30));
    harness.setStatus(name, 2, 1);
    Result progressed = harness.reconcileUntilSteady("web");
    assertThat(progressing(harness.deployment("web")))
        .extracting(DeploymentCondition::reason, DeploymentCondition::lastUpdateTime)
        .containsExactly("ReplicaSetUpdated", harness.clock.instant());
    assertThat(progressed.requeueAfter()).isEqualTo(Duration.ofSeconds(61));

    harness.clock.advance(Duration.ofSeconds(59));
    assertThat(harness.reconcileUntilSteady("web").requeueAfter()).isEqualTo(Duration.ofSeconds(2));
    assertThat(progressing(harness.deployment("web")).reason()).isEqualTo("ReplicaSetUpdated");

    harness.clock.advance(Duration.ofSeconds(2));
    Result timedOut = harness.reconcileUntilSteady("web");

    assertThat(progressing(harness.deployment("web")))
        .extracting(
            DeploymentCondition::status, DeploymentCondition::reason, DeploymentCondition::message)
        .containsExactly(
            Condition.FALSE,
            "ProgressDeadlineExceeded",
            "ReplicaSet \"" + name + "\" has timed out progressing.");
    assertThat(timedOut.requeue()).isFalse();
    assertThat(RollingUpdateTest.condition(harness.deployment("web"), "Available").reason())
        .isEqualTo("MinimumReplicasUnavailable"); // 25% of 2 rounds down: none may be missing

    // the last pod comes up after all: the rollout completes
    harness.setStatus(name, 2, 2);
    harness.reconcileUntilSteady("web");
    assertThat(progressing(harness.deployment("web")))
        .extracting(DeploymentCondition::status, DeploymentCondition::reason)
        .containsExactly(Condition.TRUE, "NewReplicaSetAvailable");
  }
}
