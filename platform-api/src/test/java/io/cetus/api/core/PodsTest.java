package io.cetus.api.core;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.cetus.api.meta.Condition;
import io.cetus.api.meta.ObjectMeta;

import static org.assertj.core.api.Assertions.assertThat;

class PodsTest {

  private static Pod pod(ObjectMeta meta, PodStatus status) {
    return new Pod(null, null, meta, null, status);
  }

  private static PodStatus status(String phase, PodCondition... conditions) {
    return PodStatus.builder().phase(phase).conditions(List.of(conditions)).build();
  }

  private static final ObjectMeta META = ObjectMeta.named("default", "web-1");

  @Test
  void finishedOrDeletedPodsAreNotActive() {
    assertThat(Pods.isActive(pod(META, status(PodStatus.RUNNING)))).isTrue();
    assertThat(Pods.isActive(pod(META, status(PodStatus.PENDING)))).isTrue();
    assertThat(Pods.isActive(pod(META, status(null)))).isTrue();
    assertThat(Pods.isActive(pod(META, status(PodStatus.SUCCEEDED)))).isFalse();
    assertThat(Pods.isActive(pod(META, status(PodStatus.FAILED)))).isFalse();
    ObjectMeta deleting =
        new ObjectMeta(
            "web-1",
            null,
            "default",
            null,
            null,
            null,
            null,
            Instant.parse("2026-01-01T00:00:00Z"),
            30L,
            null,
            null,
            null,
            null);
    assertThat(Pods.isActive(pod(deleting, status(PodStatus.RUNNING)))).isFalse();
  }

  @Test
  void readyMeansTheReadyConditionIsTrue() {
    PodCondition ready =
        new PodCondition(PodCondition.READY, Condition.TRUE, null, null, null, null);
    PodCondition notReady =
        new PodCondition(PodCondition.READY, Condition.FALSE, null, null, null, null);
    PodCondition scheduled =
        new PodCondition(PodCondition.POD_SCHEDULED, Condition.TRUE, null, null, null, null);

    assertThat(Pods.isReady(pod(META, status(PodStatus.RUNNING, scheduled, ready)))).isTrue();
    assertThat(Pods.isReady(pod(META, status(PodStatus.RUNNING, scheduled, notReady)))).isFalse();
    assertThat(Pods.isReady(pod(META, status(PodStatus.RUNNING, scheduled)))).isFalse();
  }

  @Test
  void bindingToANodeKeepsTheRestOfTheSpec() {
    PodSpec spec =
        PodSpec.builder()
            .containers(List.of(Container.of("c", "nginx")))
            .restartPolicy("Never")
            .build();
    PodSpec bound = spec.withNodeName("node-1");
    assertThat(bound.nodeName()).isEqualTo("node-1");
    assertThat(bound.toBuilder().nodeName(null).build()).isEqualTo(spec);
  }
}
