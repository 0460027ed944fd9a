package io.cetus.nodeagent.hollow;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import io.cetus.api.coordination.Lease;
import io.cetus.api.core.Node;
import io.cetus.api.core.Pod;
import io.cetus.api.json.Json;
import io.cetus.api.meta.Condition;
import io.cetus.api.quantity.Quantity;
import io.cetus.client.ListOptions;
import io.cetus.nodeagent.node.NodeHeartbeat;
import io.cetus.nodeagent.node.NodeStatuses;
import io.cetus.testsupport.client.FakeApiClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One agent process in hollow mode with five nodes: each registers a Ready Node with the configured
 * capacity and a Lease, and pods bound to two of them run to Ready on those nodes' fake engines,
 * whatever their image.
 */
@SpringBootTest(
    properties = {
      "platform.node-agent.hollow.nodes=5",
      "platform.node-agent.hollow.name-prefix=hollow-",
      "platform.node-agent.hollow.cpu=8",
      "platform.node-agent.hollow.memory=32Gi",
      "platform.node-agent.max-pods=30",
      "platform.node-agent.heartbeat-interval=200ms",
      "platform.node-agent.state-dir=${java.io.tmpdir}/cetus-hollow-test"
    })
class HollowNodesTest {

  @TestConfiguration(proxyBeanMethods = false)
  static class InMemory {
    @Bean
    FakeApiClient fakeApiClient() {
      return new FakeApiClient();
    }
  }

  @Autowired private FakeApiClient api;
  @Autowired private HollowNodes hollowNodes;

  @Test
  void registersEveryNodeAndRunsThePodsBoundToThem() throws Exception {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                api.forType(Node.class).list(null, ListOptions.ALL).items().stream()
                        .filter(node -> Condition.holds(node.status().conditions(), "Ready"))
                        .count()
                    == 5);
    List<Node> nodes = api.forType(Node.class).list(null, ListOptions.ALL).items();
    assertThat(nodes)
        .extracting(node -> node.metadata().name())
        .containsExactlyInAnyOrder("hollow-1", "hollow-2", "hollow-3", "hollow-4", "hollow-5");
    Node node = nodes.getFirst();
    assertThat(node.status().capacity())
        .containsEntry("cpu", Quantity.of(8))
        .containsEntry("memory", Quantity.parse("32Gi"))
        .containsEntry("pods", Quantity.of(30));
    assertThat(node.status().nodeInfo().kubeletVersion()).isEqualTo(NodeStatuses.AGENT_VERSION);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                api.forType(Lease.class)
                        .list(NodeHeartbeat.LEASE_NAMESPACE, ListOptions.ALL)
                        .items()
                        .size()
                    == 5);

    api.forType(Pod.class).create(pod("a", "hollow-2", "cetus/demo-app:0.1.0"));
    api.forType(Pod.class).create(pod("b", "hollow-2", "registry.example/anything:latest"));
    api.forType(Pod.class).create(pod("c", "hollow-4", "nginx"));
    api.forType(Pod.class).create(pod("elsewhere", "a-real-node", "nginx"));

    for (String name : List.of("a", "b", "c")) {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                Pod pod = api.forType(Pod.class).get("default", name).orElseThrow();
                return "Running".equals(pod.status().phase())
                    && Condition.holds(pod.status().conditions(), "Ready");
              });
    }
    Pod c = api.forType(Pod.class).get("default", "c").orElseThrow();
    assertThat(c.status().containerStatuses().getFirst().ready()).isTrue();
    assertThat(c.status().podIP()).isNotBlank();
    assertThat(runtime("hollow-2").list(java.util.Map.of())).hasSize(4); // two sandboxes, two apps
    assertThat(runtime("hollow-4").list(java.util.Map.of())).hasSize(2);
    assertThat(runtime("hollow-1").list(java.util.Map.of())).isEmpty();
    assertThat(
            api.forType(Pod.class)
                .get("default", "elsewhere")
                .orElseThrow()
                .status()
                .containerStatuses())
        .isEmpty();

    api.forType(Pod.class).delete("default", "c");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                api.forType(Pod.class).get("default", "c").isEmpty()
                    && runtime("hollow-4").list(java.util.Map.of()).isEmpty());
  }

  private io.cetus.nodeagent.runtime.fake.FakeContainerRuntime runtime(String node) {
    return hollowNodes.nodes().stream()
        .filter(n -> n.name().equals(node))
        .findFirst()
        .orElseThrow()
        .runtime();
  }

  private static Pod pod(String name, String node, String image) {
    return Json.yaml()
        .readValue(
            """
            metadata: {name: %s, namespace: default}
            spec:
              nodeName: %s
              containers: [{name: app, image: "%s"}]
            """
                .formatted(name, node, image),
            Pod.class);
  }
}
