package io.cetus.deployment;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cetus.api.apps.ReplicaSet;
import io.cetus.client.PatchType;

import static io.cetus.deployment.Fixtures.NAMESPACE;
import static io.cetus.deployment.Fixtures.deployment;
import static io.cetus.deployment.Fixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

/** Rollback by template, and the history of old replica sets. */
class RollbackAndHistoryTest {

  private final DeploymentHarness harness = new DeploymentHarness();

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void aTemplateThatComesBackReusesItsReplicaSetWithTheNextRevision() throws Exception {
    harness.deployments.create(deployment("web", 2, "nginx:1.27"));
    harness.start();
    rollOut();
    String first = harness.replicaSetWithImage("nginx:1.27").orElseThrow().metadata().name();
    harness.setImage("web", "nginx:1.28");
    rollOut();
    String second = harness.replicaSetWithImage("nginx:1.28").orElseThrow().metadata().name();

    // what `kubectl rollout undo` sends: the old template, with a null creationTimestamp and
    // empty resources
    harness.deployments.patch(
        NAMESPACE,
        "web",
        PatchType.MERGE,
        """
        {"spec":{"template":{"metadata":{"creationTimestamp":null,"labels":{"app":"web"}},
          "spec":{"containers":[{"name":"app","image":"nginx:1.27","resources":{}}]}}}}
        """);
    rollOut();

    assertThat(harness.replicaSets.list(NAMESPACE).items()).hasSize(2);
    ReplicaSet reused = harness.replicaSet(first);
    assertThat(reused.spec().replicas()).isEqualTo(2);
    assertThat(reused.metadata().annotations())
        .containsEntry("deployment.kubernetes.io/revision", "3")
        .containsEntry("deployment.kubernetes.io/revision-history", "1");
    assertThat(harness.replicaSet(second).spec().replicas()).isZero();
    assertThat(harness.deployment("web").metadata().annotations())
        .containsEntry("deployment.kubernetes.io/revision", "3");

    harness.setImage("web", "nginx:1.28");
    rollOut();
    assertThat(harness.replicaSet(second).metadata().annotations())
        .containsEntry("deployment.kubernetes.io/revision", "4")
        .containsEntry("deployment.kubernetes.io/revision-history", "2");
  }

  @Test
  void oldReplicaSetsBeyondTheHistoryLimitAreDeletedOldestFirst() throws Exception {
    harness.deployments.create(with(deployment("web", 2, "app:1"), 2, null, null));
    harness.start();
    rollOut();
    for (String image : List.of("app:2", "app:3", "app:4")) {
      harness.setImage("web", image);
      rollOut();
    }

    assertThat(harness.replicaSets())
        .extracting(rs -> rs.spec().template().spec().containers().getFirst().image())
        .containsExactly("app:2", "app:3", "app:4");
    assertThat(harness.replicaSets())
        .extracting(rs -> rs.metadata().annotations().get("deployment.kubernetes.io/revision"))
        .containsExactly("2", "3", "4");
  }

  @Test
  void theHistoryLimitKeepsOldReplicaSetsThatStillHavePods() throws Exception {
    harness.deployments.create(with(deployment("web", 2, "app:1"), 0, null, null));
    harness.start();
    rollOut();
    String first = harness.replicaSetWithImage("app:1").orElseThrow().metadata().name();
    harness.setImage("web", "app:2");
    harness.reconcile("web");

    assertThat(harness.replicaSets.get(NAMESPACE, first)).isPresent();
    rollOut();
    assertThat(harness.replicaSets.get(NAMESPACE, first)).isEmpty();
  }

  /** Plays the replica set controller until the deployment has settled, its pods all available. */
  private void rollOut() {
    for (int i = 0; i < 30; i++) {
      harness.reconcileUntilSteady("web");
      String before = harness.api.resourceVersion();
      harness.settle(true);
      if (harness.api.resourceVersion().equals(before)) {
        harness.reconcileUntilSteady("web");
        return;
      }
    }
    throw new AssertionError("the rollout never settled");
  }
}
