package io.cetus.replication.pod;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.cetus.api.core.Container;
import io.cetus.api.core.ContainerStatus;
import io.cetus.api.core.Pod;
import io.cetus.api.core.PodCondition;
import io.cetus.api.core.PodSpec;
import io.cetus.api.core.PodStatus;
import io.cetus.api.meta.Condition;
import io.cetus.api.meta.ObjectMeta;

import static org.assertj.core.api.Assertions.assertThat;

class PodDeletionOrderTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void unscheduledPodGoesBeforeScheduledOnes() {
    Pod scheduled = pod("scheduled", T0.plusSeconds(10), "n1", PodStatus.PENDING, null, 0);
    Pod unscheduled = pod("unscheduled", T0, null, PodStatus.PENDING, null, 0);

    assertThat(names(PodDeletionOrder.victims(List.of(scheduled, unscheduled), 1)))
        .containsExactly("unscheduled");
  }

  @Test
  void pendingGoesBeforeUnknownWhichGoesBeforeRunning() {
    Pod running = pod("running", T0.plusSeconds(30), "n1", PodStatus.RUNNING, null, 0);
    Pod unknown = pod("unknown", T0, "n2", PodStatus.UNKNOWN, null, 0);
    Pod pending = pod("pending", T0, "n3", PodStatus.PENDING, null, 0);

    assertThat(names(PodDeletionOrder.victims(List.of(running, unknown, pending), 3)))
        .containsExactly("pending", "unknown", "running");
  }

  @Test
  void notReadyGoesBeforeReady() {
    Pod ready = pod("ready", T0.plusSeconds(30), "n1", PodStatus.RUNNING, T0, 0);
    Pod notReady = pod("not-ready", T0, "n2", PodStatus.RUNNING, null, 0);

    assertThat(names(PodDeletionOrder.victims(List.of(ready, notReady), 1)))
        .containsExactly("not-ready");
  }

  @Test
  void podOnANodeCrowdedWithTheWorkloadGoesFirstSoTheRestStaySpread() {
    Pod alone = pod("alone", T0.plusSeconds(30), "n1", PodStatus.RUNNING, T0, 0);
    Pod crowded1 = pod("crowded-1", T0, "n2", PodStatus.RUNNING, T0, 0);
    Pod crowded2 = pod("crowded-2", T0, "n2", PodStatus.RUNNING, T0, 0);

    assertThat(PodDeletionOrder.victims(List.of(alone, crowded1, crowded2), 1))
        .extracting(pod -> pod.spec().nodeName())
        .containsExactly("n2");
  }

  @Test
  void podReadyForAShorterTimeGoesFirst() {
    Pod longReady = pod("long-ready", T0.plusSeconds(30), "n1", PodStatus.RUNNING, T0, 0);
    Pod justReady = pod("just-ready", T0, "n2", PodStatus.RUNNING, T0.plusSeconds(60), 0);

    assertThat(names(PodDeletionOrder.victims(List.of(longReady, justReady), 1)))
        .containsExactly("just-ready");
  }

  @Test
  void podThatRestartedMoreGoesFirst() {
    Pod steady = pod("steady", T0.plusSeconds(30), "n1", PodStatus.RUNNING, T0, 0);
    Pod flaky = pod("flaky", T0, "n2", PodStatus.RUNNING, T0, 5);

    assertThat(names(PodDeletionOrder.victims(List.of(steady, flaky), 1))).containsExactly("flaky");
  }

  @Test
  void newerGoesBeforeOlderWhenAllElseIsEqual() {
    Pod old = pod("old", T0, "n1", PodStatus.RUNNING, T0, 0);
    Pod newer = pod("newer", T0.plusSeconds(30), "n2", PodStatus.RUNNING, T0, 0);

    assertThat(names(PodDeletionOrder.victims(List.of(old, newer), 1))).containsExactly("newer");
  }

  @Test
  void asksForMoreVictimsThanPodsGivesEveryPod() {
    Pod only = pod("only", T0, "n1", PodStatus.RUNNING, T0, 0);

    assertThat(PodDeletionOrder.victims(List.of(only), 3)).containsExactly(only);
  }

  private static List<String> names(List<Pod> pods) {
    return pods.stream().map(pod -> pod.metadata().name()).toList();
  }

  /** {@code readySince} null: not ready. */
  private static Pod pod(
      String name, Instant created, String node, String phase, Instant readySince, int restarts) {
    return new Pod(
        null,
        null,
        new ObjectMeta(
            name,
            null,
            "default",
            UUID.randomUUID().toString(),
            "1",
            1L,
            created,
            null,
            null,
            Map.of("app", "web"),
            null,
            null,
            null),
        PodSpec.builder()
            .containers(List.of(Container.of("app", "nginx:1.27")))
            .nodeName(node)
            .build(),
        PodStatus.builder()
            .phase(phase)
            .conditions(
                List.of(
                    new PodCondition(
                        PodCondition.READY,
                        readySince == null ? Condition.FALSE : Condition.TRUE,
                        null,
                        readySince,
                        null,
                        null)))
            .containerStatuses(
                List.of(
                    new ContainerStatus(
                        "app", null, null, readySince != null, restarts, null, null, null, null)))
            .build());
  }
}
