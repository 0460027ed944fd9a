package io.cetus.scheduler.filter;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.cetus.api.core.Toleration;
import io.cetus.scheduler.cache.NodeInfo;

import static io.cetus.scheduler.Fixtures.cordoned;
import static io.cetus.scheduler.Fixtures.node;
import static io.cetus.scheduler.Fixtures.pod;
import static io.cetus.scheduler.Fixtures.tolerating;
import static org.assertj.core.api.Assertions.assertThat;

class NodeUnschedulableFilterTest {

  private final NodeUnschedulableFilter filter = new NodeUnschedulableFilter();
  private final NodeInfo cordonedNode = NodeInfo.of(cordoned(node("n1", "1", "1Gi")), List.of());

  @Test
  void cordonedNodeTakesNoPods() {
    assertThat(filter.filter(pod("web"), cordonedNode).reasons())
        .containsExactly("node(s) were unschedulable");
  }

  @Test
  void uncordonedNodeFits() {
    assertThat(filter.filter(pod("web"), NodeInfo.of(node("n1", "1", "1Gi"), List.of())).fits())
        .isTrue();
  }

  @Test
  void podToleratingTheUnschedulableTaintFitsACordonedNode() {
    var daemon =
        tolerating(
            pod("agent"),
            new Toleration("node.kubernetes.io/unschedulable", "Exists", null, "NoSchedule", null));

    assertThat(filter.filter(daemon, cordonedNode).fits()).isTrue();
  }
}
