package io.cetus.serviceproxy.dns;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UpstreamServersTest {

  @TempDir Path dir;

  @Test
  void parsesAddressesWithAndWithoutPorts() {
    assertThat(UpstreamServers.parse("10.0.0.2")).isEqualTo(new InetSocketAddress("10.0.0.2", 53));
    assertThat(UpstreamServers.parse("10.0.0.2:5353"))
        .isEqualTo(new InetSocketAddress("10.0.0.2", 5353));
    assertThat(UpstreamServers.parse("2001:db8::1"))
        .isEqualTo(new InetSocketAddress("2001:db8::1", 53));
    assertThat(UpstreamServers.parse("[2001:db8::1]:5353"))
        .isEqualTo(new InetSocketAddress("2001:db8::1", 5353));
    assertThatThrownBy(() -> UpstreamServers.parse("dns.example.com"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> UpstreamServers.parse("10.0.0.2:0"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void takesTheNameServersOfResolvConfButNotItself() throws Exception {
    Path resolvConf = dir.resolve("resolv.conf");
    Files.writeString(
        resolvConf,
        """
        # written by the node agent
        search default.svc.cluster.local svc.cluster.local cluster.local
        nameserver 10.242.255.10
        nameserver 192.0.2.53
          nameserver   127.0.0.11  # docker
        options ndots:5
        """);

    assertThat(
            UpstreamServers.of(
                List.of(), resolvConf.toString(), InetAddress.getByName("10.242.255.10")))
        .containsExactly(
            new InetSocketAddress("192.0.2.53", 53), new InetSocketAddress("127.0.0.11", 53));
  }

  @Test
  void configuredServersComeFirstAndNoResolvConfMeansNone() {
    assertThat(UpstreamServers.of(List.of("192.0.2.1:5353"), "/nonexistent", null))
        .containsExactly(new InetSocketAddress("192.0.2.1", 5353));
    assertThat(UpstreamServers.of(List.of(), "", null)).isEmpty();
    assertThat(UpstreamServers.of(List.of(), dir.resolve("missing").toString(), null)).isEmpty();
  }
}
