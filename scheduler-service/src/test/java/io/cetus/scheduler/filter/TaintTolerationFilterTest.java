package io.cetus.scheduler.filter;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.cetus.api.core.Toleration;
import io.cetus.scheduler.cache.NodeInfo;

import static io.cetus.scheduler.Fixtures.node;
import static io.cetus.scheduler.Fixtures.pod;
import static io.cetus.scheduler.Fixtures.tolerating;
import static io.cetus.scheduler.Fixtures.withTaint;
import static org.assertj.core.api.Assertions.assertThat;

class TaintTolerationFilterTest {

  private final TaintTolerationFilter filter = new TaintTolerationFilter();
  private final NodeInfo gpuNode =
      NodeInfo.of(withTaint(node("n1", "1", "1Gi"), "gpu", "true", "NoSchedule"), List.of());

  @Test
  void podWithoutTolerationStaysOffATaintedNode() {
    assertThat(filter.filter(pod("web"), gpuNode).reasons())
        .containsExactly("node(s) had untolerated taint {gpu: true}");
  }

  @Test
  void noExecuteTaintRepelsToo() {
    NodeInfo unreachable =
        NodeInfo.of(
            withTaint(node("n1", "1", "1Gi"), "node.kubernetes.io/unreachable", null, "NoExecute"),
            List.of());

    assertThat(filter.filter(pod("web"), unreachable).reasons())
        .containsExactly("node(s) had untolerated taint {node.kubernetes.io/unreachable: }");
  }

  @Test
  void preferNoScheduleTaintDoesNotRuleANodeOut() {
    NodeInfo soft =
        NodeInfo.of(
            withTaint(node("n1", "1", "1Gi"), "spot", "yes", "PreferNoSchedule"), List.of());

    assertThat(filter.filter(pod("web"), soft).fits()).isTrue();
  }

  @Test
  void equalTolerationNeedsTheSameKeyAndValue() {
    var same = tolerating(pod("web"), new Toleration("gpu", "Equal", "true", "NoSchedule", null));
    var other = tolerating(pod("web"), new Toleration("gpu", null, "false", "NoSchedule", null));

    assertThat(filter.filter(same, gpuNode).fits()).isTrue();
    assertThat(filter.filter(other, gpuNode).fits()).isFalse();
  }

  @Test
  void existsTolerationMatchesAnyValueAndAnEmptyKeyMatchesEveryTaint() {
    var anyValue = tolerating(pod("web"), new Toleration("gpu", "Exists", null, null, null));
    var everything = tolerating(pod("web"), new Toleration(null, "Exists", null, null, null));

    assertThat(filter.filter(anyValue, gpuNode).fits()).isTrue();
    assertThat(filter.filter(everything, gpuNode).fits()).isTrue();
  }

  @Test
  void tolerationOfAnotherEffectDoesNotMatch() {
    var noExecuteOnly =
        tolerating(pod("web"), new Toleration("gpu", "Exists", null, "NoExecute", null));

    assertThat(filter.filter(noExecuteOnly, gpuNode).fits()).isFalse();
  }
}
