package io.cetus.scheduler.filter;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cetus.scheduler.cache.NodeInfo;

import static io.cetus.scheduler.Fixtures.node;
import static io.cetus.scheduler.Fixtures.pod;
import static io.cetus.scheduler.Fixtures.withLabel;
import static io.cetus.scheduler.Fixtures.withNodeSelector;
import static org.assertj.core.api.Assertions.assertThat;

class NodeSelectorFilterTest {

  private final NodeSelectorFilter filter = new NodeSelectorFilter();
  private final NodeInfo ssdNode =
      NodeInfo.of(
          withLabel(withLabel(node("n1", "1", "1Gi"), "disk", "ssd"), "zone", "a"), List.of());

  @Test
  void nodeWithEverySelectedLabelFits() {
    var pod = withNodeSelector(pod("db"), Map.of("disk", "ssd", "zone", "a"));

    assertThat(filter.filter(pod, ssdNode).fits()).isTrue();
  }

  @Test
  void nodeMissingALabelOrWithAnotherValueDoesNotFit() {
    var otherValue = withNodeSelector(pod("db"), Map.of("disk", "hdd"));
    var missing = withNodeSelector(pod("db"), Map.of("disk", "ssd", "gpu", "true"));

    assertThat(filter.filter(otherValue, ssdNode).reasons())
        .containsExactly("node(s) didn't match Pod's node affinity/selector");
    assertThat(filter.filter(missing, ssdNode).fits()).isFalse();
  }

  @Test
  void podWithoutSelectorFitsAnyNode() {
    assertThat(filter.filter(pod("web"), ssdNode).fits()).isTrue();
  }
}
