package io.cetus.scheduler.filter;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.cetus.api.core.Node;
import io.cetus.api.meta.Condition;
import io.cetus.scheduler.cache.NodeInfo;

import static io.cetus.scheduler.Fixtures.node;
import static io.cetus.scheduler.Fixtures.pod;
import static io.cetus.scheduler.Fixtures.withReady;
import static org.assertj.core.api.Assertions.assertThat;

class NodeReadyFilterTest {

  private final NodeReadyFilter filter = new NodeReadyFilter();

  @Test
  void readyNodeFits() {
    assertThat(filter.filter(pod("web"), info(node("n1", "1", "1Gi"))).fits()).isTrue();
  }

  @Test
  void nodeWhoseReadinessIsUnknownOrFalseIsNotReady() {
    for (String status : List.of(Condition.UNKNOWN, Condition.FALSE)) {
      FilterResult result =
          filter.filter(pod("web"), info(withReady(node("n1", "1", "1Gi"), status)));

      assertThat(result.reasons()).containsExactly("node(s) were not ready");
    }
  }

  @Test
  void nodeWithoutReadyConditionIsNotReady() {
    Node bare = new Node(null, null, node("n1", "1", "1Gi").metadata(), null, null);

    assertThat(filter.filter(pod("web"), info(bare)).fits()).isFalse();
  }

  private static NodeInfo info(Node node) {
    return NodeInfo.of(node, List.of());
  }
}
