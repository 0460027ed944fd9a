package io.cetus.serviceproxy.proxy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@link IpCommandLocalAddresses} against a real interface the test creates and removes: a bridge
 * (what the pods' Docker network is on a host; a {@code dummy} link needs a kernel module that
 * containers often lack) on an address of the benchmarking range 198.18.0.0/15, which no real
 * network uses. Needs {@code CAP_NET_ADMIN} and iproute2; skipped without them.
 */
class IpCommandLocalAddressesIT {

  private final int net = ThreadLocalRandom.current().nextInt(1, 255);
  private final String device =
      "cetus-t" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
  private final Ipv4Range subnet = Ipv4Range.parse("198.18." + net + ".0/24");

  @BeforeEach
  void createInterface() throws Exception {
    assumeTrue(
        ip("link", "add", device, "type", "bridge") == 0,
        "cannot create a network interface here (needs CAP_NET_ADMIN and iproute2)");
    assertThat(ip("addr", "add", "198.18." + net + ".1/24", "dev", device)).isZero();
    assertThat(ip("link", "set", device, "up")).isZero();
  }

  @AfterEach
  void removeInterface() throws Exception {
    ip("link", "del", device);
  }

  @Test
  void findsTheInterfaceOnThePodSubnetAndHoldsAddressesOnIt() throws Exception {
    assertThat(IpCommandLocalAddresses.findInterface(subnet))
        .map(NetworkInterface::getName)
        .hasValue(device);
    IpCommandLocalAddresses addresses = new IpCommandLocalAddresses(subnet);
    InetAddress clusterIp = InetAddress.getByName("198.18." + net + ".77");

    addresses.add(clusterIp);
    addresses.add(clusterIp); // already there: fine

    assertThat(addresses.list()).containsExactly(clusterIp);
    assertThat(NetworkInterface.getByInetAddress(clusterIp).getName()).isEqualTo(device);

    addresses.remove(clusterIp);
    addresses.remove(clusterIp); // gone already: fine

    assertThat(addresses.list()).isEmpty();
  }

  @Test
  void clusterIpsSweepsStaleAddressesInsideTheRangeOnly() throws Exception {
    IpCommandLocalAddresses addresses = new IpCommandLocalAddresses(subnet);
    InetAddress stale = InetAddress.getByName("198.18." + net + ".200");
    InetAddress wanted = InetAddress.getByName("198.18." + net + ".201");
    InetAddress outside = InetAddress.getByName("198.18." + net + ".50");
    for (InetAddress address : List.of(stale, wanted, outside)) {
      addresses.add(address);
    }
    ClusterIps clusterIps = new ClusterIps(addresses, Ipv4Range.parse("198.18." + net + ".192/26"));

    clusterIps.sweep(java.util.Set.of(wanted));

    assertThat(addresses.list()).containsExactlyInAnyOrder(wanted, outside);
  }

  @Test
  void failsWhenNoInterfaceIsOnThePodSubnet() throws Exception {
    IpCommandLocalAddresses addresses =
        new IpCommandLocalAddresses(Ipv4Range.parse("198.19." + net + ".0/24"));

    assertThat(addresses.list()).isEmpty();
    assertThatThrownBy(() -> addresses.add(InetAddress.getByName("198.19." + net + ".5")))
        .isInstanceOf(LocalAddresses.LocalAddressException.class)
        .hasMessageContaining("no network interface");
  }

  private static int ip(String... arguments) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of("ip"));
    command.addAll(List.of(arguments));
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException noIpCommand) {
      return -1;
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return -1;
    }
    if (process.exitValue() != 0) {
      System.err.println(String.join(" ", command) + ": " + output.trim());
    }
    return process.exitValue();
  }
}
