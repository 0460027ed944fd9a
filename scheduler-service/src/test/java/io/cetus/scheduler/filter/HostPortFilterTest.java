package io.cetus.scheduler.filter;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.cetus.api.core.ContainerPort;
import io.cetus.api.core.Pod;
import io.cetus.scheduler.cache.NodeInfo;

import static io.cetus.scheduler.Fixtures.boundTo;
import static io.cetus.scheduler.Fixtures.node;
import static io.cetus.scheduler.Fixtures.pod;
import static io.cetus.scheduler.Fixtures.withHostPort;
import static org.assertj.core.api.Assertions.assertThat;

class HostPortFilterTest {

  private final HostPortFilter filter = new HostPortFilter();
  private final NodeInfo nodeWithPort80 =
      NodeInfo.of(node("n1", "1", "1Gi"), List.of(boundTo(withHostPort(pod("old"), 80), "n1")));

  @Test
  void hostPortTakenOnTheNodeRulesItOut() {
    assertThat(filter.filter(withHostPort(pod("web"), 80), nodeWithPort80).reasons())
        .containsExactly("node(s) didn't have free ports for the requested pod ports");
  }

  @Test
  void anotherHostPortOrNoneFits() {
    assertThat(filter.filter(withHostPort(pod("web"), 8080), nodeWithPort80).fits()).isTrue();
    assertThat(filter.filter(pod("web"), nodeWithPort80).fits()).isTrue();
  }

  @Test
  void samePortOverAnotherProtocolFits() {
    Pod udp = withPort(pod("dns"), new ContainerPort(null, 80, 53, "UDP", null));

    assertThat(filter.filter(udp, nodeWithPort80).fits()).isTrue();
  }

  @Test
  void samePortOnTwoSpecificAddressesFitsButNotAgainstTheWildcard() {
    NodeInfo boundToOneAddress =
        NodeInfo.of(
            node("n1", "1", "1Gi"),
            List.of(
                boundTo(
                    withPort(pod("old"), new ContainerPort(null, 80, 80, "TCP", "10.0.0.1")),
                    "n1")));

    Pod otherAddress = withPort(pod("web"), new ContainerPort(null, 80, 80, "TCP", "10.0.0.2"));
    Pod everyAddress = withHostPort(pod("web"), 80);

    assertThat(filter.filter(otherAddress, boundToOneAddress).fits()).isTrue();
    assertThat(filter.filter(everyAddress, boundToOneAddress).fits()).isFalse();
  }

  private static Pod withPort(Pod pod, ContainerPort port) {
    return pod.withSpec(
        pod.spec().toBuilder()
            .containers(
                List.of(
                    pod.spec().containers().getFirst().toBuilder().ports(List.of(port)).build()))
            .build());
  }
}
