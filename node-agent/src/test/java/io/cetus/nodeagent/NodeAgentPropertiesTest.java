package io.cetus.nodeagent;

import java.time.Duration;

import org.junit.jupiter.api.Test;

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
        publishAddress);
  }

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
}
