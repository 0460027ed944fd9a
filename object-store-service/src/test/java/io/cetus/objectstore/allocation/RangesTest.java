package io.cetus.objectstore.allocation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RangesTest {

  @Test
  void aServiceIpRangeLeavesOutTheNetworkAndBroadcastAddresses() {
    ServiceIpRange range = ServiceIpRange.of("10.242.128.0/18");

    assertThat(range.size()).isEqualTo(16382);
    assertThat(range.valueAt(0)).isEqualTo("10.242.128.1");
    assertThat(range.valueAt(range.size() - 1)).isEqualTo("10.242.191.254");
    assertThat(range.offsetOf("10.242.128.0")).isEqualTo(-1);
    assertThat(range.offsetOf("10.242.191.255")).isEqualTo(-1);
    assertThat(range.offsetOf("10.242.128.1")).isZero();
    assertThat(range.offsetOf("10.242.129.0")).isEqualTo(255);
    assertThat(range.offsetOf("10.242.192.1")).isEqualTo(-1);
    assertThat(range.offsetOf("10.242.127.255")).isEqualTo(-1);
    assertThat(range.offsetOf("fd00::1")).isEqualTo(-1);
    assertThat(range).hasToString("10.242.128.0/18");
  }

  @Test
  void offsetsAndValuesAreInverse() {
    ServiceIpRange range = ServiceIpRange.of("192.168.0.0/22");

    for (int offset = 0; offset < range.size(); offset++) {
      assertThat(range.offsetOf(range.valueAt(offset))).isEqualTo(offset);
    }
  }

  @Test
  void theStaticBandIsKubernetesSixteenthOfTheNetworkBetween16And256() {
    assertThat(ServiceIpRange.of("10.0.0.0/12").staticBand()).isEqualTo(256);
    assertThat(ServiceIpRange.of("10.242.128.0/18").staticBand()).isEqualTo(256);
    assertThat(ServiceIpRange.of("10.0.0.0/22").staticBand()).isEqualTo(64);
    assertThat(ServiceIpRange.of("10.0.0.0/24").staticBand()).isEqualTo(16);
    assertThat(ServiceIpRange.of("10.0.0.0/27").staticBand()).isEqualTo(16);
    assertThat(ServiceIpRange.of("10.0.0.0/28").staticBand()).isZero();
  }

  @Test
  void badServiceIpRangesAreRefusedWithAHint() {
    assertThatThrownBy(() -> ServiceIpRange.of("10.242.128.0"))
        .hasMessageContaining("IPv4 CIDR such as 10.242.128.0/18");
    assertThatThrownBy(() -> ServiceIpRange.of("fd00::/108")).hasMessageContaining("IPv4 CIDR");
    assertThatThrownBy(() -> ServiceIpRange.of("10.242.128.0/31"))
        .hasMessageContaining("prefix length from 1 to 30");
    assertThatThrownBy(() -> ServiceIpRange.of("10.242.128.7/18"))
        .hasMessage("10.242.128.7/18 is not a network address; did you mean 10.242.128.0/18?");
  }

  @Test
  void aPortRangeIncludesBothEnds() {
    PortRange range = PortRange.of("30000-32767");

    assertThat(range.size()).isEqualTo(2768);
    assertThat(range.valueAt(0)).isEqualTo("30000");
    assertThat(range.valueAt(2767)).isEqualTo("32767");
    assertThat(range.offsetOf("32767")).isEqualTo(2767);
    assertThat(range.offsetOf("32768")).isEqualTo(-1);
    assertThat(range.offsetOf("29999")).isEqualTo(-1);
    assertThat(range.offsetOf("30x")).isEqualTo(-1);
    assertThat(range).hasToString("30000-32767");
    assertThat(PortRange.of("8080")).isEqualTo(new PortRange(8080, 8080));
  }

  @Test
  void thePortStaticBandIsKubernetesThirtySecondBetween16And128() {
    assertThat(PortRange.of("30000-32767").staticBand()).isEqualTo(86);
    assertThat(PortRange.of("1-65535").staticBand()).isEqualTo(128);
    assertThat(PortRange.of("30000-30099").staticBand()).isEqualTo(16);
    assertThat(PortRange.of("30000-30015").staticBand()).isZero();
  }

  @Test
  void badPortRangesAreRefused() {
    assertThatThrownBy(() -> PortRange.of("30000:32767")).hasMessageContaining("30000-32767");
    assertThatThrownBy(() -> PortRange.of("32767-30000")).hasMessageContaining("32767-30000");
    assertThatThrownBy(() -> PortRange.of("0-10")).hasMessageContaining("1-65535");
    assertThatThrownBy(() -> PortRange.of("60000-70000")).hasMessageContaining("1-65535");
  }

  @Test
  void refusalsAreInKubernetesWords() {
    assertThat(ServiceIpRange.of("10.242.128.0/18").notInRange("1.2.3.4"))
        .isEqualTo(
            "the provided IP (1.2.3.4) is not in the valid range. The range of valid IPs is"
                + " 10.242.128.0/18");
    assertThat(PortRange.of("31000-31999").notInRange("30080"))
        .isEqualTo(
            "provided port is not in the valid range. The range of valid ports is 31000-31999");
  }
}
