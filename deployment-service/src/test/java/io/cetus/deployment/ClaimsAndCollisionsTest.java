package io.cetus.deployment;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cetus.api.apps.Deployment;
import io.cetus.api.apps.ReplicaSet;
import io.cetus.api.apps.ReplicaSetSpec;
import io.cetus.api.errors.ApiErrors;
import io.cetus.api.meta.LabelSelector;
import io.cetus.api.meta.ObjectMeta;
import io.cetus.api.meta.Owners;
import io.cetus.client.PatchType;

import static io.cetus.deployment.Fixtures.NAMESPACE;
import static io.cetus.deployment.Fixtures.WEB;
import static io.cetus.deployment.Fixtures.deployment;
import static io.cetus.deployment.Fixtures.template;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which replica sets a deployment controls, and replica set names that are already taken. */
class ClaimsAndCollisionsTest {

  private final DeploymentHarness harness = new DeploymentHarness();

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void aMatchingOrphanWithTheSameTemplateIsAdoptedAndBecomesTheNewReplicaSet() throws Exception {
    harness.replicaSets.create(orphan("web-orphan", "nginx:1.27", WEB));
    harness.replicaSets.create(orphan("db", "postgres:17", Map.of("app", "db")));
    Deployment web = harness.deployments.create(deployment("web", 2, "nginx:1.27"));
    harness.start();

    harness.reconcileUntilSteady("web");

    assertThat(harness.replicaSets.list(NAMESPACE).items()).hasSize(2);
    ReplicaSet adopted = harness.replicaSet("web-orphan");
    assertThat(Owners.isControlledBy(adopted, web)).isTrue();
    assertThat(adopted.spec().replicas()).isEqualTo(2);
    assertThat(adopted.metadata().annotations())
        .containsEntry("deployment.kubernetes.io/revision", "1");
    assertThat(harness.replicaSet("db").metadata().ownerReferences()).isEmpty();
  }

  @Test
  void aReplicaSetWhoseLabelsStopMatchingIsReleased() throws Exception {
    Deployment web = harness.deployments.create(deployment("web", 1, "nginx:1.27"));
    harness.start();
    harness.reconcile("web");
    String name = harness.replicaSets.list(NAMESPACE).items().getFirst().metadata().name();

    harness.replicaSets.patch(
        NAMESPACE, name, PatchType.MERGE, "{\"metadata\":{\"labels\":{\"app\":\"debug\"}}}");
    // released; its replacement's name is the released one's, taken: a collision
    assertThatThrownBy(() -> harness.reconcile("web")).matches(ApiErrors::isAlreadyExists);
    assertThat(harness.replicaSet(name).metadata().ownerReferences()).isEmpty();
    assertThat(harness.deployment("web").status().collisionCount()).isEqualTo(1);

    harness.reconcileUntilSteady("web");

    List<ReplicaSet> owned =
        harness.replicaSets.list(NAMESPACE).items().stream()
            .filter(rs -> Owners.isControlledBy(rs, web))
            .toList();
    assertThat(owned).as("a replacement for the released one").hasSize(1);
    assertThat(owned.getFirst().metadata().name()).isNotEqualTo(name);
  }

  @Test
  void aTakenNameRaisesTheCollisionCountAndTheNextTryUsesAnotherHash() throws Exception {
    Deployment web = deployment("web", 1, "nginx:1.27");
    String taken =
        NewReplicaSets.newReplicaSet(web, 1).metadata().name(); // the name it would choose
    harness.replicaSets.create(orphan(taken, "something:else", Map.of("other", "x")));
    harness.deployments.create(web);
    harness.start();

    assertThatThrownBy(() -> harness.reconcile("web")).matches(ApiErrors::isAlreadyExists);
    assertThat(harness.deployment("web").status().collisionCount()).isEqualTo(1);

    harness.reconcileUntilSteady("web");

    List<ReplicaSet> owned =
        harness.replicaSets.list(NAMESPACE).items().stream()
            .filter(rs -> Owners.isControlledBy(rs, harness.deployment("web")))
            .toList();
    assertThat(owned).hasSize(1);
    assertThat(owned.getFirst().metadata().name()).isNotEqualTo(taken);
    assertThat(harness.replicaSet(taken).metadata().ownerReferences()).isEmpty();
  }

  @Test
  void aDeploymentSelectingEverythingManagesNothingAndSaysSo() throws Exception {
    Deployment all = deployment("all", 1, "nginx:1.27");
    harness.deployments.create(
        all.withSpec(
            new io.cetus.api.apps.DeploymentSpec(
                1,
                new LabelSelector(Map.of(), List.of()),
                all.spec().template(),
                all.spec().strategy(),
                null,
                null,
                null,
                null)));
    harness.start();

    harness.reconcile("all");

    assertThat(harness.replicaSets.list(NAMESPACE).items()).isEmpty();
    assertThat(harness.eventMessages("SelectingAll"))
        .containsExactly(
            "This deployment is selecting all pods. A non-empty selector is required.");
    assertThat(harness.deployment("all").status().observedGeneration()).isEqualTo(1);
  }

  private static ReplicaSet orphan(String name, String image, Map<String, String> labels) {
    return new ReplicaSet(
        null,
        null,
        ObjectMeta.named(NAMESPACE, name).withLabels(labels),
        new ReplicaSetSpec(
            0,
            null,
            LabelSelector.matchLabels(labels),
            new io.cetus.api.core.PodTemplateSpec(
                template(image).metadata().withLabels(labels), template(image).spec())),
        null);
  }
}
