package io.cetus.api.meta;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.cetus.api.apps.ReplicaSet;
import io.cetus.api.core.Pod;

import static org.assertj.core.api.Assertions.assertThat;

class OwnersTest {

  private static ReplicaSet replicaSet(String uid) {
    return new ReplicaSet(
        null,
        null,
        new ObjectMeta(
            "web", null, "default", uid, null, null, null, null, null, null, null, null, null),
        null,
        null);
  }

  private static Pod podOwnedBy(OwnerReference... owners) {
    return new Pod(
        null,
        null,
        ObjectMeta.named("default", "web-1").withOwnerReferences(List.of(owners)),
        null,
        null);
  }

  @Test
  void controllerIsTheReferenceMarkedController() {
    ReplicaSet owner = replicaSet("u1");
    OwnerReference plain = new OwnerReference("v1", "ConfigMap", "c", "u0", null, null);
    Pod pod = podOwnedBy(plain, OwnerReference.controllerOf(owner));

    assertThat(Owners.controllerOf(pod))
        .hasValueSatisfying(ref -> assertThat(ref.uid()).isEqualTo("u1"));
    assertThat(Owners.controllerOf(podOwnedBy(plain))).isEmpty();
  }

  @Test
  void controlIsDecidedByUidNotName() {
    Pod pod = podOwnedBy(OwnerReference.controllerOf(replicaSet("u1")));

    assertThat(Owners.isControlledBy(pod, replicaSet("u1"))).isTrue();
    assertThat(Owners.isControlledBy(pod, replicaSet("u2"))).isFalse();
    assertThat(Owners.isControlledBy(pod, replicaSet(null))).isFalse();
  }
}
