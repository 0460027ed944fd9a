package io.cetus.nodeagent;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.cetus.nodeagent.pod.ClusterNetwork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NodeAgentPropertiesTest {

  private static NodeAgentProperties properties(String address, String publishAddress) {
    return new NodeAgentProperties(
        "node-1",
        "cetus",
        "cetus/pause:1",
        Duration.ofSeconds(10),
        Duration.ofSeconds(40),
        110,
        address,
        NodeAgentProperties.RuntimeKind.FAKE,
        null,
        null,
        new NodeAgentProperties.Hollow(0, "hollow-node-", 4, "16Gi", 8, 2),
        publishAddress,
        POD_NETWORK);
  }

  private static final NodeAgentProperties.PodNetwork POD_NETWORK =
      new NodeAgentProperties.PodNetwork(
          "10.242.0.0/16", "10.242.0.0/17", "10.242.255.10", "cluster.local");

  @Test
  void portsArePublishedOnTheNodeAddressUnlessSetApart() {
    assertThat(properties("192.0.2.10", null).publishedAddress()).isEqualTo("192.0.2.10");
    assertThat(properties("192.0.2.10", " ").publishedAddress()).isEqualTo("192.0.2.10");
    assertThat(properties("192.0.2.10", "127.0.0.1").publishedAddress()).isEqualTo("127.0.0.1");
  }

  @Test
  void aHostNameIsResolvedToItsAddress() {
    assertThat(properties("localhost", null).address()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
    assertThat(properties("192.0.2.10", null).address()).isEqualTo("192.0.2.10");
  }

  @Test
  void anUnknownHostNameIsRefused() {
    assertThatThrownBy(() -> properties("no-such-host.invalid", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no-such-host.invalid");
  }

  @Test
  void thePodNetworkLayoutIsCheckedAtStartup() {
    assertThat(POD_NETWORK.cluster()).isEqualTo(ClusterNetwork.DEFAULTS);
    assertThatThrownBy(
            () ->
                new NodeAgentProperties.PodNetwork(
                    "10.242.0.0/16", "10.243.0.0/17", "10.242.255.10", "cluster.local"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("platform.node-agent.pod-network")
        .hasMessageContaining("10.243.0.0/17");
    assertThatThrownBy(
            () ->
                new NodeAgentProperties.PodNetwork(
                    "10.242.0.0/16", "10.242.0.0/17", "dns.example", "cluster.local"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dns.example");
  }

  @Test
  void aBlankSubnetLeavesTheAddressesToTheEngine() {
    ClusterNetwork cluster =
        new NodeAgentProperties.PodNetwork("", "10.242.0.0/17", "", "cluster.local.").cluster();

    assertThat(cluster.podSubnet()).isNull();
    assertThat(cluster.podIpRange()).isNull();
    assertThat(cluster.clusterDns()).isNull();
    assertThat(cluster.clusterDomain()).isEqualTo("cluster.local");
  }
}
