package io.cetus.nodeagent.runtime;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NetworkSpecTest {

  @Test
  void blocksAreNormalisedToTheirFirstAddress() {
    NetworkSpec spec = new NetworkSpec("pods", Map.of(), " 10.242.7.1/16 ", "10.242.0.9/17");

    assertThat(spec.subnet()).isEqualTo("10.242.0.0/16");
    assertThat(spec.ipRange()).isEqualTo("10.242.0.0/17");
  }

  @Test
  void theIpRangeMustLieInTheSubnet() {
    assertThatThrownBy(() -> new NetworkSpec("pods", Map.of(), "10.242.0.0/16", "10.243.0.0/17"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not inside subnet 10.242.0.0/16");
    assertThatThrownBy(() -> new NetworkSpec("pods", Map.of(), "10.242.0.0/16", "10.242.0.0/15"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new NetworkSpec("pods", Map.of(), null, "10.242.0.0/17"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs a subnet");
    assertThatThrownBy(() -> new NetworkSpec("pods", Map.of(), "10.242.0.0", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CIDR");
    assertThatThrownBy(() -> new NetworkSpec("pods", Map.of(), "10.256.0.0/16", null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anExistingNetworkMatchesWhenItsSubnetAndRangeAreTheOnesAskedFor() {
    NetworkSpec spec = new NetworkSpec("pods", Map.of(), "10.242.0.0/16", "10.242.0.0/17");

    assertThat(spec.matches(info("10.242.0.0/16", "10.242.0.0/17"))).isTrue();
    assertThat(spec.matches(info("172.18.0.0/16", null))).isFalse();
    assertThat(spec.matches(info("10.242.0.0/16", null))).isFalse();
    assertThat(spec.matches(info(null, null))).isFalse();
    assertThat(NetworkSpec.named("pods", Map.of()).matches(info("172.18.0.0/16", null))).isTrue();
  }

  @Test
  void cidrArithmetic() {
    Ipv4Cidr block = Ipv4Cidr.parse("10.242.0.0/16");

    assertThat(block.size()).isEqualTo(65536);
    assertThat(Ipv4Cidr.format(block.at(1))).isEqualTo("10.242.0.1");
    assertThat(Ipv4Cidr.format(block.last())).isEqualTo("10.242.255.255");
    assertThat(block.contains("10.242.255.10")).isTrue();
    assertThat(block.contains("10.243.0.1")).isFalse();
    assertThat(block.contains(Ipv4Cidr.parse("10.242.128.0/18"))).isTrue();
    assertThat(Ipv4Cidr.parse("10.242.0.0/17").contains("10.242.128.1")).isFalse();
    assertThat(Ipv4Cidr.parse("0.0.0.0/0").contains("255.255.255.255")).isTrue();
  }

  private static NetworkInfo info(String subnet, String ipRange) {
    return new NetworkInfo("id", "pods", subnet, null, ipRange);
  }
}
