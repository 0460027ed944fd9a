package io.cetus.scheduler;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.cetus.api.core.Node;
import io.cetus.api.core.Pod;
import io.cetus.api.meta.Condition;
import io.cetus.scheduler.cache.PodInfo;
import io.cetus.scheduler.cache.SchedulerCache;

import static io.cetus.scheduler.Fixtures.boundTo;
import static io.cetus.scheduler.Fixtures.cordoned;
import static io.cetus.scheduler.Fixtures.node;
import static io.cetus.scheduler.Fixtures.ownedBy;
import static io.cetus.scheduler.Fixtures.pod;
import static io.cetus.scheduler.Fixtures.requesting;
import static io.cetus.scheduler.Fixtures.withLabel;
import static io.cetus.scheduler.Fixtures.withLabels;
import static io.cetus.scheduler.Fixtures.withNodeSelector;
import static io.cetus.scheduler.Fixtures.withReady;
import static org.assertj.core.api.Assertions.assertThat;

class SchedulingAlgorithmTest {

  @Test
  void failureMessageCountsNodesPerReasonInSortedOrder() {
    var algorithm = SchedulingAlgorithm.withDefaults(new Random(1));
    var nodes =
        Fixtures.cluster(
            List.of(
                node("small-1", "1", "1Gi"),
                node("small-2", "1", "1Gi"),
                withReady(node("down", "8", "64Gi"), Condition.UNKNOWN),
                cordoned(node("cordoned", "8", "64Gi"))),
            List.of());

    ScheduleResult result =
        algorithm.schedule(PodInfo.of(requesting(pod("big"), "2", "4Gi")), nodes);

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
        Fixtures.cluster(
            List.of(withLabel(node("ssd", "4", "1Gi"), "disk", "ssd"), node("hdd", "4", "64Gi")),
            List.of());

    ScheduleResult result =
        algorithm.schedule(
            PodInfo.of(withNodeSelector(requesting(pod("db"), "1", "2Gi"), Map.of("disk", "ssd"))),
            nodes);

    assertThat(result)
        .isEqualTo(
            new ScheduleResult.Unschedulable(
                "0/2 nodes are available: 1 Insufficient memory, 1 node(s) didn't match Pod's"
                    + " node affinity/selector."));
  }

  @Test
  void noNodesAtAllIsSaidSo() {
    assertThat(
            SchedulingAlgorithm.withDefaults(new Random(1))
                .schedule(PodInfo.of(pod("web")), List.of()))
        .isEqualTo(new ScheduleResult.Unschedulable("no nodes available to schedule pods"));
  }

  @Test
  void tiesAreBrokenAtRandomAmongTheBestNodesOnly() {
    var nodes =
        Fixtures.cluster(
            List.of(node("a", "4", "8Gi"), node("b", "4", "8Gi"), node("busy", "4", "8Gi")),
            List.of(boundTo(requesting(pod("load"), "3", "6Gi"), "busy")));
    Set<String> chosen = new HashSet<>();
    var random = new Random(42);
    var algorithm = SchedulingAlgorithm.withDefaults(random);

    for (int i = 0; i < 50; i++) {
      ScheduleResult result = algorithm.schedule(PodInfo.of(pod("web")), nodes);
      chosen.add(((ScheduleResult.Feasible) result).node());
    }

    assertThat(chosen).containsExactlyInAnyOrder("a", "b");
  }

  @Test
  void smallClustersAreLookedAtWholeAndLargeOnesInPart() {
    var adaptive = SchedulingAlgorithm.withDefaults(new Random(1));
    assertThat(adaptive.feasibleNodesToFind(99)).isEqualTo(99);
    assertThat(adaptive.feasibleNodesToFind(100)).isEqualTo(100);
    assertThat(adaptive.feasibleNodesToFind(1000)).isEqualTo(420);
    assertThat(adaptive.feasibleNodesToFind(5000)).isEqualTo(500);
    assertThat(adaptive.feasibleNodesToFind(20000)).as("at least 5 %").isEqualTo(1000);
    assertThat(SchedulingAlgorithm.withDefaults(new Random(1), 100).feasibleNodesToFind(5000))
        .isEqualTo(5000);
    assertThat(SchedulingAlgorithm.withDefaults(new Random(1), 1).feasibleNodesToFind(5000))
        .as("never fewer than 100")
        .isEqualTo(100);
  }

  @Test
  void largeClusterStillFindsTheFewNodesAPodFits() {
    List<Node> nodes = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      Node node = node(String.format("node-%04d", i), "4", "8Gi");
      nodes.add(i == 137 || i == 871 ? withLabel(node, "disk", "ssd") : node);
    }
    var cluster = Fixtures.cluster(nodes, List.of());
    var algorithm = SchedulingAlgorithm.withDefaults(new Random(1));
    Set<String> chosen = new HashSet<>();

    for (int i = 0; i < 20; i++) {
      ScheduleResult result =
          algorithm.schedule(
              PodInfo.of(withNodeSelector(pod("db"), Map.of("disk", "ssd"))), cluster);
      chosen.add(((ScheduleResult.Feasible) result).node());
    }

    assertThat(chosen).containsExactlyInAnyOrder("node-0137", "node-0871");
    assertThat(algorithm.schedule(PodInfo.of(requesting(pod("huge"), "8", "1Gi")), cluster))
        .isEqualTo(
            new ScheduleResult.Unschedulable("0/1000 nodes are available: 1000 Insufficient cpu."));
  }

  @Test
  void sampleStartsWhereTheLastOneStoppedSoEveryNodeGetsItsTurn() {
    List<Node> nodes = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      nodes.add(node(String.format("node-%04d", i), "4", "8Gi"));
    }
    var cluster = Fixtures.cluster(nodes, List.of());
    var algorithm = SchedulingAlgorithm.withDefaults(new Random(1));

    List<Integer> chosen = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String node =
          ((ScheduleResult.Feasible) algorithm.schedule(PodInfo.of(pod("web")), cluster)).node();
      chosen.add(Integer.parseInt(node.substring("node-".length())));
    }

    // 420 nodes per attempt: 0-419, then 420-839, then 840-999 and 0-259
    assertThat(chosen.get(0)).isBetween(0, 419);
    assertThat(chosen.get(1)).isBetween(420, 839);
    assertThat(chosen.get(2))
        .satisfiesAnyOf(
            n -> assertThat(n).isBetween(840, 999), n -> assertThat(n).isBetween(0, 259));
  }

  @Test
  void podsOfOneOwnerSpreadOverEveryNodeOfASmallCluster() {
    var cache = new SchedulerCache(Clock.systemUTC());
    for (int i = 0; i < 60; i++) {
      // uneven nodes: least-allocated alone would stack pods on the big ones
      cache.addOrUpdateNode(
          i % 3 == 0 ? node("big-" + i, "64", "256Gi") : node("small-" + i, "2", "4Gi"));
    }
    var algorithm = SchedulingAlgorithm.withDefaults(new Random(5));

    for (int i = 0; i < 60; i++) {
      Pod pod = ownedBy(pod("web-" + i), "web", "rs-uid");
      String node =
          ((ScheduleResult.Feasible) algorithm.schedule(PodInfo.of(pod), cache.nodes())).node();
      cache.assume(pod, node);
    }

    assertThat(cache.nodes()).allSatisfy(node -> assertThat(node.pods()).hasSize(1));
  }

  @Test
  void podsOfOneOwnerStillSpreadWhenOnlyASampleIsScored() {
    var cache = new SchedulerCache(Clock.systemUTC());
    for (int i = 0; i < 1000; i++) {
      cache.addOrUpdateNode(node(String.format("node-%04d", i), "4", "8Gi"));
    }
    var algorithm = SchedulingAlgorithm.withDefaults(new Random(5));

    for (int i = 0; i < 3000; i++) {
      Pod pod = withLabels(pod("web-" + i), Map.of("app", "web"));
      String node =
          ((ScheduleResult.Feasible) algorithm.schedule(PodInfo.of(pod), cache.nodes())).node();
      cache.assume(pod, node);
    }

    // each sample is 42 % of the nodes, so a sample may hold no node with fewer siblings than 3
    // late in the run: a few nodes get one more or one fewer, none more than that
    Map<Integer, Long> nodesByPodCount =
        cache.nodes().stream()
            .collect(
                java.util.stream.Collectors.groupingBy(
                    node -> node.pods().size(), java.util.stream.Collectors.counting()));
    assertThat(nodesByPodCount.keySet()).isSubsetOf(2, 3, 4);
    assertThat(nodesByPodCount.get(3)).isGreaterThan(990L);
  }
}
