package io.cetus.deployment;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cetus.api.apps.ReplicaSet;
import io.cetus.api.core.Binding;
import io.cetus.api.core.Container;
import io.cetus.api.core.ObjectReference;
import io.cetus.api.core.Pod;
import io.cetus.api.core.PodSpec;
import io.cetus.api.meta.ObjectMeta;
import io.cetus.api.meta.OwnerReference;
import io.cetus.client.DeleteOptions;

import static io.cetus.deployment.Fixtures.NAMESPACE;
import static io.cetus.deployment.Fixtures.deployment;
import static io.cetus.deployment.Fixtures.recreate;
import static org.assertj.core.api.Assertions.assertThat;

/** The Recreate strategy: old pods all go before the new replica set gets any. */
class RecreateTest {

  private final DeploymentHarness harness = new DeploymentHarness();

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void scalesOldToZeroWaitsForItsPodsToGoThenCreatesTheNewOne() throws Exception {
    harness.deployments.create(recreate(deployment("web", 2, "nginx:1.27")));
    harness.start();
    harness.reconcile("web");
    ReplicaSet first = harness.replicaSetWithImage("nginx:1.27").orElseThrow();
    assertThat(first.spec().replicas()).isEqualTo(2);
    assertThat(first.metadata().annotations())
        .containsEntry("deployment.kubernetes.io/max-replicas", "2");
    harness.settle(true);
    harness.reconcileUntilSteady("web");
    Pod oldPod = harness.pods.create(podOf(first, "web-old-1"));
    bind(oldPod.metadata().name());

    harness.setImage("web", "nginx:1.28");
    harness.reconcile("web");

    assertThat(harness.replicaSet(first.metadata().name()).spec().replicas()).isZero();
    assertThat(harness.replicaSetWithImage("nginx:1.28")).as("no new replica set yet").isEmpty();

    harness.reconcile("web"); // its replica set still reports pods
    assertThat(harness.replicaSetWithImage("nginx:1.28")).isEmpty();

    harness.setStatus(first.metadata().name(), 0, 0);
    harness.pods.delete(NAMESPACE, "web-old-1"); // bound: terminating for its grace period
    assertThat(harness.pods.get(NAMESPACE, "web-old-1").orElseThrow().metadata().isBeingDeleted())
        .isTrue();
    harness.reconcile("web");
    assertThat(harness.replicaSetWithImage("nginx:1.28"))
        .as("a terminating old pod still runs")
        .isEmpty();

    harness.pods.delete(NAMESPACE, "web-old-1", DeleteOptions.DEFAULT.withGracePeriodSeconds(0L));
    harness.reconcile("web");

    ReplicaSet second = harness.replicaSetWithImage("nginx:1.28").orElseThrow();
    assertThat(second.spec().replicas()).isEqualTo(2);
    assertThat(harness.eventMessages("ScalingReplicaSet"))
        .contains(
            "Scaled down replica set " + first.metadata().name() + " from 2 to 0",
            "Scaled up replica set " + second.metadata().name() + " from 0 to 2");

    harness.settle(true);
    harness.reconcileUntilSteady("web");
    assertThat(RollingUpdateTest.progressing(harness.deployment("web")).reason())
        .isEqualTo("NewReplicaSetAvailable");
  }

  private static Pod podOf(ReplicaSet rs, String name) {
    return new Pod(
        null,
        null,
        ObjectMeta.named(NAMESPACE, name)
            .withLabels(rs.spec().template().metadata().labels())
            .withOwnerReferences(
                List.of(
                    new OwnerReference(
                        "apps/v1",
                        "ReplicaSet",
                        rs.metadata().name(),
                        rs.metadata().uid(),
                        true,
                        true))),
        PodSpec.builder().containers(List.of(Container.of("app", "nginx:1.27"))).build(),
        null);
  }

  private void bind(String pod) {
    harness.pods.createSubresource(
        NAMESPACE,
        pod,
        "binding",
        new Binding(
            null,
            null,
            ObjectMeta.named(NAMESPACE, pod),
            new ObjectReference("Node", null, "n1", null, "v1", null, null)));
  }
}
