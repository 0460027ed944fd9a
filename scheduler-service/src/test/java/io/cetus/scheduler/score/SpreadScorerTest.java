package io.cetus.scheduler.score;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cetus.api.core.Pod;
import io.cetus.api.meta.ObjectMeta;
import io.cetus.scheduler.cache.NodeInfo;

import static io.cetus.scheduler.Fixtures.boundTo;
import static io.cetus.scheduler.Fixtures.node;
import static io.cetus.scheduler.Fixtures.ownedBy;
import static io.cetus.scheduler.Fixtures.pod;
import static io.cetus.scheduler.Fixtures.withLabels;
import static org.assertj.core.api.Assertions.assertThat;

class SpreadScorerTest {

  private final SpreadScorer scorer = new SpreadScorer();

  @Test
  void nodeWithFewerPodsOfTheSameOwnerScoresHigher() {
    Pod newcomer = ownedBy(pod("web-3"), "web", "rs-uid");
    List<NodeInfo> nodes =
        List.of(
            NodeInfo.of(
                node("n1", "4", "8Gi"),
                List.of(
                    boundTo(ownedBy(pod("web-1"), "web", "rs-uid"), "n1"),
                    boundTo(ownedBy(pod("web-2"), "web", "rs-uid"), "n1"))),
            NodeInfo.of(
                node("n2", "4", "8Gi"),
                List.of(boundTo(ownedBy(pod("web-4"), "web", "rs-uid"), "n2"))),
            NodeInfo.of(
                node("n3", "4", "8Gi"),
                List.of(boundTo(ownedBy(pod("api-1"), "api", "other-uid"), "n3"))));

    assertThat(scorer.score(newcomer, nodes))
        .containsOnly(Map.entry("n1", 0), Map.entry("n2", 50), Map.entry("n3", 100));
  }

  @Test
  void ownerlessPodsSpreadByEqualLabels() {
    Pod newcomer = withLabels(pod("cache-2"), Map.of("app", "cache"));
    List<NodeInfo> nodes =
        List.of(
            NodeInfo.of(
                node("n1", "4", "8Gi"),
                List.of(boundTo(withLabels(pod("cache-1"), Map.of("app", "cache")), "n1"))),
            NodeInfo.of(
                node("n2", "4", "8Gi"),
                List.of(
                    boundTo(withLabels(pod("other"), Map.of("app", "cache", "v", "2")), "n2"))));

    assertThat(scorer.score(newcomer, nodes))
        .containsOnly(Map.entry("n1", 0), Map.entry("n2", 100));
  }

  @Test
  void podsOfAnotherNamespaceOrBeingDeletedAreNoSiblings() {
    Pod newcomer = ownedBy(pod("web-2"), "web", "rs-uid");
    Pod elsewhere = boundTo(ownedBy(pod("web-1"), "web", "rs-uid"), "n1");
    elsewhere = elsewhere.withMetadata(elsewhere.metadata().withNamespace("other"));
    Pod leaving = boundTo(ownedBy(pod("web-0"), "web", "rs-uid"), "n1");
    ObjectMeta meta = leaving.metadata();
    leaving =
        leaving.withMetadata(
            new ObjectMeta(
                meta.name(),
                null,
                meta.namespace(),
                meta.uid(),
                null,
                null,
                null,
                java.time.Instant.EPOCH,
                30L,
                null,
                null,
                meta.ownerReferences(),
                null));
    List<NodeInfo> nodes =
        List.of(
            NodeInfo.of(node("n1", "4", "8Gi"), List.of(elsewhere, leaving)),
            NodeInfo.of(node("n2", "4", "8Gi"), List.of()));

    assertThat(scorer.score(newcomer, nodes))
        .containsOnly(Map.entry("n1", 100), Map.entry("n2", 100));
  }

  @Test
  void podWithoutOwnerOrLabelsScoresEveryNodeTheSame() {
    List<NodeInfo> nodes =
        List.of(
            NodeInfo.of(node("n1", "4", "8Gi"), List.of(boundTo(pod("a"), "n1"))),
            NodeInfo.of(node("n2", "4", "8Gi"), List.of()));

    assertThat(scorer.score(pod("b"), nodes))
        .containsOnly(Map.entry("n1", 100), Map.entry("n2", 100));
  }
}
