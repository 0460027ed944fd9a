package io.cetus.scheduler;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.cetus.api.meta.Condition;
import io.cetus.scheduler.cache.ClusterSnapshot;

import static io.cetus.scheduler.Fixtures.boundTo;
import static io.cetus.scheduler.Fixtures.cordoned;
import static io.cetus.scheduler.Fixtures.node;
import static io.cetus.scheduler.Fixtures.pod;
import static io.cetus.scheduler.Fixtures.requesting;
import static io.cetus.scheduler.Fixtures.withLabel;
import static io.cetus.scheduler.Fixtures.withNodeSelector;
import static io.cetus.scheduler.Fixtures.withReady;
import static org.assertj.core.api.Assertions.assertThat;

class SchedulingAlgorithmTest {

  @Test
  void failureMessageCountsNodesPerReasonInSortedOrder() {
    var algorithm = SchedulingAlgorithm.withDefaults(new Random(1));
    var nodes =
        ClusterSnapshot.of(
            List.of(
                node("small-1", "1", "1Gi"),
                node("small-2", "1", "1Gi"),
                withReady(node("down", "8", "64Gi"), Condition.UNKNOWN),
                cordoned(node("cordoned", "8", "64Gi"))),
            List.of());

    ScheduleResult result = algorithm.schedule(requesting(pod("big"), "2", "4Gi"), nodes.values());

    assertThat(result)
        .isEqualTo(
            new ScheduleResult.Unschedulable(
                "0/4 nodes are available: 1 node(s) were not ready, 1 node(s) were unschedulable,"
                    + " 2 Insufficient cpu, 2 Insufficient memory."));
  }

  @Test
  void eachNodeIsCountedUnderTheReasonItFailedWith() {
    var algorithm = SchedulingAlgorithm.withDefaults(new Random(1));
    var nodes =
        ClusterSnapshot.of(
            List.of(withLabel(node("ssd", "4", "1Gi"), "disk", "ssd"), node("hdd", "4", "64Gi")),
            List.of());

    ScheduleResult result =
        algorithm.schedule(
            withNodeSelector(requesting(pod("db"), "1", "2Gi"), Map.of("disk", "ssd")),
            nodes.values());

    assertThat(result)
        .isEqualTo(
            new ScheduleResult.Unschedulable(
                "0/2 nodes are available: 1 Insufficient memory, 1 node(s) didn't match Pod's"
                    + " node affinity/selector."));
  }

  @Test
  void noNodesAtAllIsSaidSo() {
    assertThat(SchedulingAlgorithm.withDefaults(new Random(1)).schedule(pod("web"), List.of()))
        .isEqualTo(new ScheduleResult.Unschedulable("no nodes available to schedule pods"));
  }

  @Test
  void tiesAreBrokenAtRandomAmongTheBestNodesOnly() {
    var nodes =
        ClusterSnapshot.of(
            List.of(node("a", "4", "8Gi"), node("b", "4", "8Gi"), node("busy", "4", "8Gi")),
            List.of(boundTo(requesting(pod("load"), "3", "6Gi"), "busy")));
    Set<String> chosen = new HashSet<>();
    var random = new Random(42);
    var algorithm = SchedulingAlgorithm.withDefaults(random);

    for (int i = 0; i < 50; i++) {
      ScheduleResult result = algorithm.schedule(pod("web"), nodes.values());
      chosen.add(((ScheduleResult.Feasible) result).node());
    }

    assertThat(chosen).containsExactlyInAnyOrder("a", "b");
  }
}
