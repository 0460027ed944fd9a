package io.cetus.serviceproxy.dns;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Taking the DNS address, with the {@code ip} command recorded instead of run; the loopback
 * interface stands in for the pods' bridge.
 */
class DnsAddressTest {

  private final List<List<String>> commands = new CopyOnWriteArrayList<>();

  private DnsAddress.Command answering(int exitCode, String output) {
    return command -> {
      commands.add(command);
      return new DnsAddress.Command.Result(exitCode, output);
    };
  }

  @Test
  void aLoopbackOrAlreadyLocalAddressIsLeftAlone() throws Exception {
    new DnsAddress(InetAddress.getByName("127.0.0.53"), "127.0.0.0/8", answering(0, ""))
        .ensureLocal();
    new DnsAddress(InetAddress.getByName("0.0.0.0"), null, answering(0, "")).ensureLocal();

    assertThat(commands).isEmpty();
  }

  @Test
  void addsTheAddressToTheInterfaceInThePodsSubnet() throws Exception {
    new DnsAddress(InetAddress.getByName("198.51.100.10"), "127.0.0.0/8", answering(0, ""))
        .ensureLocal();

    assertThat(commands)
        .containsExactly(List.of("ip", "addr", "add", "198.51.100.10/32", "dev", "lo"));
  }

  @Test
  void anAddressThatExistsAlreadyIsFine() throws Exception {
    new DnsAddress(
            InetAddress.getByName("198.51.100.10"),
            "127.0.0.0/8",
            answering(2, "RTNETLINK answers: File exists\n"))
        .ensureLocal();

    assertThat(commands).hasSize(1);
  }

  @Test
  void failuresSayWhy() throws Exception {
    assertThatThrownBy(
            () ->
                new DnsAddress(
                        InetAddress.getByName("198.51.100.10"),
                        "127.0.0.0/8",
                        answering(2, "RTNETLINK answers: Operation not permitted"))
                    .ensureLocal())
        .isInstanceOf(IOException.class)
        .hasMessageContaining("Operation not permitted");
    assertThatThrownBy(
            () ->
                new DnsAddress(
                        InetAddress.getByName("198.51.100.10"), "203.0.113.0/24", answering(0, ""))
                    .ensureLocal())
        .hasMessageContaining(
            "no interface has an IPv4 address in the pods' subnet 203.0.113.0/24");
    assertThatThrownBy(
            () ->
                new DnsAddress(InetAddress.getByName("198.51.100.10"), "", answering(0, ""))
                    .ensureLocal())
        .hasMessageContaining("not local");
  }
}
