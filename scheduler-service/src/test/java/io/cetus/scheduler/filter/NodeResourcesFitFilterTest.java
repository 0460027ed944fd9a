package io.cetus.scheduler.filter;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cetus.api.core.Container;
import io.cetus.api.core.Pod;
import io.cetus.api.core.PodStatus;
import io.cetus.api.core.ResourceRequirements;
import io.cetus.api.quantity.Quantity;
import io.cetus.scheduler.Fixtures;
import io.cetus.scheduler.cache.NodeInfo;

import static io.cetus.scheduler.Fixtures.boundTo;
import static io.cetus.scheduler.Fixtures.node;
import static io.cetus.scheduler.Fixtures.pod;
import static io.cetus.scheduler.Fixtures.requesting;
import static io.cetus.scheduler.Fixtures.withPodCapacity;
import static org.assertj.core.api.Assertions.assertThat;

class NodeResourcesFitFilterTest {

  private final NodeResourcesFitFilter filter = new NodeResourcesFitFilter();

  @Test
  void podFitsWhatIsLeftAfterThePodsAlreadyThere() {
    NodeInfo node =
        NodeInfo.of(
            node("n1", "2", "4Gi"), List.of(boundTo(requesting(pod("a"), "1500m", "3Gi"), "n1")));

    assertThat(filter.filter(requesting(pod("b"), "500m", "1Gi"), node).fits()).isTrue();
    assertThat(filter.filter(requesting(pod("c"), "501m", "1Gi"), node).reasons())
        .containsExactly("Insufficient cpu");
    assertThat(filter.filter(requesting(pod("d"), "100m", "1025Mi"), node).reasons())
        .containsExactly("Insufficient memory");
  }

  @Test
  void everyShortResourceIsReported() {
    NodeInfo node = NodeInfo.of(withPodCapacity(node("n1", "1", "1Gi"), 0), List.of());

    assertThat(filter.filter(requesting(pod("big"), "2", "2Gi"), node).reasons())
        .containsExactly("Too many pods", "Insufficient cpu", "Insufficient memory");
  }

  @Test
  void podCountIsLimitedByAllocatablePods() {
    NodeInfo full =
        NodeInfo.of(withPodCapacity(node("n1", "4", "4Gi"), 1), List.of(boundTo(pod("a"), "n1")));

    assertThat(filter.filter(pod("b"), full).reasons()).containsExactly("Too many pods");
  }

  @Test
  void finishedPodsHoldNoResources() {
    Pod finished =
        boundTo(requesting(pod("done"), "2", "4Gi"), "n1")
            .withStatus(PodStatus.builder().phase(PodStatus.SUCCEEDED).build());
    NodeInfo node = Fixtures.cluster(List.of(node("n1", "2", "4Gi")), List.of(finished)).getFirst();

    assertThat(filter.filter(requesting(pod("next"), "2", "4Gi"), node).fits()).isTrue();
  }

  @Test
  void initContainersCountByTheirPeakAndSidecarsAddUp() {
    // init 3Gi alone, then app 1Gi next to a 1Gi sidecar: the peak is 3Gi
    Pod pod =
        pod("staged")
            .withSpec(
                pod("staged").spec().toBuilder()
                    .initContainers(
                        List.of(
                            memory(
                                Container.builder().name("sidecar").restartPolicy("Always"), "1Gi"),
                            memory(Container.builder().name("setup"), "2Gi")))
                    .containers(List.of(memory(Container.builder().name("app"), "1Gi")))
                    .build());

    assertThat(filter.filter(pod, NodeInfo.of(node("n1", "1", "3Gi"), List.of())).fits()).isTrue();
    assertThat(filter.filter(pod, NodeInfo.of(node("n1", "1", "3071Mi"), List.of())).fits())
        .isFalse();
  }

  @Test
  void podWithoutRequestsFitsAFullNodeWithPodRoom() {
    NodeInfo full =
        NodeInfo.of(
            node("n1", "1", "1Gi"), List.of(boundTo(requesting(pod("a"), "1", "1Gi"), "n1")));

    assertThat(filter.filter(pod("besteffort"), full).fits()).isTrue();
  }

  private static Container memory(Container.Builder container, String memory) {
    return container
        .image("busybox")
        .resources(new ResourceRequirements(null, Map.of("memory", Quantity.parse(memory))))
        .build();
  }
}
