package io.cetus.nodeagent.node;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.cetus.api.coordination.Lease;
import io.cetus.api.core.Node;
import io.cetus.api.core.NodeAddress;
import io.cetus.api.core.NodeCondition;
import io.cetus.api.json.Json;
import io.cetus.api.meta.Condition;
import io.cetus.api.quantity.Quantity;
import io.cetus.nodeagent.runtime.ContainerRuntime;
import io.cetus.nodeagent.runtime.RuntimeInfo;
import io.cetus.nodeagent.runtime.docker.DockerContainerRuntime;
import io.cetus.nodeagent.runtime.docker.DockerRuntimeProperties;
import io.cetus.nodeagent.runtime.fake.FakeContainerRuntime;
import io.cetus.testsupport.client.FakeApiClient;
import io.cetus.testsupport.time.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

class NodeHeartbeatTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final FakeApiClient api = new FakeApiClient(clock);
  private final FakeContainerRuntime runtime =
      new FakeContainerRuntime(clock)
          .withInfo(
              new RuntimeInfo(
                  "docker",
                  "20.10.24",
                  "1.41",
                  "Debian 12",
                  "linux",
                  "amd64",
                  "6.1.0",
                  4,
                  8L << 30));

  private NodeHeartbeat heartbeat(ContainerRuntime runtime) {
    return new NodeHeartbeat(
        "node-1",
        "192.0.2.10",
        110,
        Duration.ofSeconds(10),
        Duration.ofSeconds(40),
        runtime,
        api.forType(Node.class),
        api.forType(Lease.class),
        clock);
  }

  @Test
  void registersTheNodeWithCapacityAddressesInfoAndReadyCondition() {
    heartbeat(runtime).beat();

    Node node = api.forType(Node.class).get(null, "node-1").orElseThrow();
    assertThat(node.metadata().labels())
        .containsEntry("kubernetes.io/hostname", "node-1")
        .containsEntry("kubernetes.io/os", "linux")
        .containsEntry("kubernetes.io/arch", "amd64");
    assertThat(node.status().capacity())
        .containsEntry("cpu", Quantity.of(4))
        .containsEntry("memory", Quantity.parse("8Gi"))
        .containsEntry("pods", Quantity.of(110));
    assertThat(node.status().allocatable()).isEqualTo(node.status().capacity());
    assertThat(node.status().addresses())
        .containsExactly(
            new NodeAddress("InternalIP", "192.0.2.10"), new NodeAddress("Hostname", "node-1"));
    assertThat(node.status().nodeInfo().kubeletVersion()).isEqualTo("v1.32.4-cetus");
    assertThat(node.status().nodeInfo().containerRuntimeVersion()).isEqualTo("docker://20.10.24");
    assertThat(node.status().nodeInfo().kernelVersion()).isEqualTo("6.1.0");
    NodeCondition ready = Condition.find(node.status().conditions(), "Ready").orElseThrow();
    assertThat(ready.status()).isEqualTo("True");
    assertThat(ready.reason()).isEqualTo("KubeletReady");
    assertThat(Condition.find(node.status().conditions(), "MemoryPressure").orElseThrow().status())
        .isEqualTo("False");
  }

  @Test
  void publishesTheServerPortAsTheKubeletEndpointOnceKnown() {
    NodeHeartbeat heartbeat = heartbeat(runtime);
    heartbeat.beat();
    assertThat(api.forType(Node.class).get(null, "node-1").orElseThrow().status().daemonEndpoints())
        .isNull();

    heartbeat.serverPort(18095);
    heartbeat.beat();

    Node node = api.forType(Node.class).get(null, "node-1").orElseThrow();
    assertThat(node.status().daemonEndpoints().kubeletEndpoint().port()).isEqualTo(18095);
    assertThat(
            Json.mapper()
                .valueToTree(node)
                .at("/status/daemonEndpoints/kubeletEndpoint/Port")
                .asInt())
        .isEqualTo(18095);
  }

  @Test
  void everyBeatRenewsTheLeaseAndKeepsTheTransitionTime() {
    NodeHeartbeat heartbeat = heartbeat(runtime);
    heartbeat.beat();
    Instant registered = clock.instant();

    clock.advance(Duration.ofSeconds(10));
    heartbeat.beat();

    Lease lease = api.forType(Lease.class).get("kube-node-lease", "node-1").orElseThrow();
    assertThat(lease.spec().holderIdentity()).isEqualTo("node-1");
    assertThat(lease.spec().leaseDurationSeconds()).isEqualTo(40);
    assertThat(lease.spec().renewTime()).isEqualTo(clock.instant());
    NodeCondition ready =
        Condition.find(
                api.forType(Node.class).get(null, "node-1").orElseThrow().status().conditions(),
                "Ready")
            .orElseThrow();
    assertThat(ready.lastHeartbeatTime()).isEqualTo(clock.instant());
    assertThat(ready.lastTransitionTime()).isEqualTo(registered);
  }

  @Test
  void unreachableEngineRegistersTheNodeNotReadyInsteadOfFailing() {
    try (DockerContainerRuntime absent =
        new DockerContainerRuntime(
            DockerRuntimeProperties.defaults()
                .withHost(URI.create("unix:///nonexistent/docker.sock")),
            clock)) {
      NodeHeartbeat heartbeat = heartbeat(absent);

      heartbeat.beat();

      Node node = api.forType(Node.class).get(null, "node-1").orElseThrow();
      NodeCondition ready = Condition.find(node.status().conditions(), "Ready").orElseThrow();
      assertThat(ready.status()).isEqualTo("False");
      assertThat(ready.reason()).isEqualTo("ContainerRuntimeUnavailable");
      assertThat(heartbeat.runtimeReady()).isFalse();
      assertThat(api.forType(Lease.class).get("kube-node-lease", "node-1")).isPresent();
    }
  }
}
