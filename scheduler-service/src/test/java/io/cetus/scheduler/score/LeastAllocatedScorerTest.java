package io.cetus.scheduler.score;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cetus.scheduler.cache.NodeInfo;

import static io.cetus.scheduler.Fixtures.boundTo;
import static io.cetus.scheduler.Fixtures.node;
import static io.cetus.scheduler.Fixtures.pod;
import static io.cetus.scheduler.Fixtures.requesting;
import static org.assertj.core.api.Assertions.assertThat;

class LeastAllocatedScorerTest {

  private final LeastAllocatedScorer scorer = new LeastAllocatedScorer();

  @Test
  void scoreIsTheMeanFreeFractionOfCpuAndMemoryOncePlaced() {
    List<NodeInfo> nodes =
        List.of(
            NodeInfo.of(node("empty", "4", "8Gi"), List.of()),
            NodeInfo.of(
                node("busy", "4", "8Gi"),
                List.of(boundTo(requesting(pod("a"), "2", "4Gi"), "busy"))));

    // 1 of 4 CPUs and 2 of 8Gi: 75 free each; plus 2 CPUs and 4Gi already: 25 free each
    assertThat(scorer.score(requesting(pod("b"), "1", "2Gi"), nodes))
        .containsOnly(Map.entry("empty", 75), Map.entry("busy", 25));
  }

  @Test
  void biggerNodeScoresHigherForTheSameLoad() {
    List<NodeInfo> nodes =
        List.of(
            NodeInfo.of(node("small", "2", "2Gi"), List.of()),
            NodeInfo.of(node("large", "8", "16Gi"), List.of()));

    var scores = scorer.score(requesting(pod("b"), "1", "1Gi"), nodes);

    assertThat(scores.get("large")).isGreaterThan(scores.get("small"));
  }

  @Test
  void podsWithoutRequestsStillCountASmallDefault() {
    List<NodeInfo> nodes =
        List.of(
            NodeInfo.of(
                node("n1", "1", "1Gi"), List.of(boundTo(pod("a"), "n1"), boundTo(pod("b"), "n1"))),
            NodeInfo.of(node("n2", "1", "1Gi"), List.of()));

    var scores = scorer.score(pod("c"), nodes);

    assertThat(scores.get("n2")).isGreaterThan(scores.get("n1"));
  }

  @Test
  void overcommittedOrEmptyNodeScoresZero() {
    List<NodeInfo> nodes = List.of(NodeInfo.of(node("tiny", "0", "0"), List.of()));

    assertThat(scorer.score(requesting(pod("b"), "1", "1Gi"), nodes))
        .containsOnly(Map.entry("tiny", 0));
  }
}
