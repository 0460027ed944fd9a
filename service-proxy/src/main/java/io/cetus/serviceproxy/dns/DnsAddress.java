package io.cetus.serviceproxy.dns;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

import io.netty.util.NetUtil;

/**
 * Makes the cluster DNS address a local address of this machine, so a pod's packets to it cross the
 * pods' bridge to this process: {@code ip addr add <address>/32 dev <if>}, where {@code <if>} is
 * the interface whose IPv4 address lies in the pods' subnet (the bridge {@code br-…} on a host,
 * {@code ethN} in a container with NET_ADMIN). The proxy holds the cluster IPs the same way; this
 * is the DNS's own copy of that, kept small until the two are one.
 */
final class DnsAddress {

  /** Runs a command; returns its exit code and its output (stdout and stderr together). */
  @FunctionalInterface
  interface Command {
    Result run(List<String> command) throws IOException, InterruptedException;

    record Result(int exitCode, String output) {}
  }

  private final InetAddress address;
  private final @Nullable String podSubnet;
  private final Command command;

  /**
   * @param podSubnet the pods' subnet in CIDR notation; {@code null} when unknown (the address must
   *     then be local already)
   */
  DnsAddress(InetAddress address, @Nullable String podSubnet, Command command) {
    this.address = address;
    this.podSubnet = podSubnet == null || podSubnet.isBlank() ? null : podSubnet;
    this.command = command;
  }

  InetAddress address() {
    return address;
  }

  /**
   * Does nothing if the address is a loopback or wildcard address or local already; otherwise adds
   * it to the pods' interface ("exists" counts as success).
   *
   * @throws NoPodsNetworkException if no interface is on the pods' subnet yet
   * @throws IOException saying why the address could not be made local
   */
  void ensureLocal() throws IOException, InterruptedException {
    if (address.isLoopbackAddress()
        || address.isAnyLocalAddress()
        || NetworkInterface.getByInetAddress(address) != null) {
      return;
    }
    if (podSubnet == null) {
      throw new IOException(address.getHostAddress() + " is not local and no pod subnet is set");
    }
    String device =
        interfaceIn(podSubnet)
            .orElseThrow(
                () ->
                    new NoPodsNetworkException(
                        "no interface has an IPv4 address in the pods' subnet " + podSubnet));
    List<String> add =
        List.of(
            "ip",
            "addr",
            "add",
            address.getHostAddress() + (address instanceof Inet4Address ? "/32" : "/128"),
            "dev",
            device);
    Command.Result result = command.run(add);
    String output = result.output().strip();
    if (result.exitCode() != 0
        && !output.contains("File exists")
        && !output.contains("already assigned")) {
      throw new IOException(String.join(" ", add) + " failed: " + output);
    }
  }

  /** The first interface with an IPv4 address inside {@code cidr}. */
  static Optional<String> interfaceIn(String cidr) throws SocketException {
    int slash = cidr.indexOf('/');
    byte[] network =
        NetUtil.createByteArrayFromIpAddressString(slash < 0 ? cidr : cidr.substring(0, slash));
    if (network == null || network.length != 4) {
      throw new IllegalArgumentException(cidr + " is no IPv4 subnet");
    }
    int prefix = slash < 0 ? 32 : Integer.parseInt(cidr.substring(slash + 1));
    int mask = prefix == 0 ? 0 : -1 << (32 - prefix);
    int base = toInt(network) & mask;
    // not only interfaces that are up: a bridge without containers has no carrier, yet holds
    // addresses all the same
    for (NetworkInterface candidate : NetworkInterface.networkInterfaces().toList()) {
      for (InterfaceAddress interfaceAddress : candidate.getInterfaceAddresses()) {
        if (interfaceAddress.getAddress() instanceof Inet4Address ipv4
            && (toInt(ipv4.getAddress()) & mask) == base) {
          return Optional.of(candidate.getName());
        }
      }
    }
    return Optional.empty();
  }

  private static int toInt(byte[] ipv4) {
    return (ipv4[0] & 0xff) << 24 | (ipv4[1] & 0xff) << 16 | (ipv4[2] & 0xff) << 8 | ipv4[3] & 0xff;
  }

  /** Runs the command as a process, waiting at most ten seconds. */
  static Command.Result runProcess(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException(String.join(" ", command) + " did not finish");
    }
    return new Command.Result(process.exitValue(), output);
  }

  /**
   * No interface is on the pods' subnet yet: the node agent creates the pods' network when it first
   * needs it, so until then no pod could reach the address anyway.
   */
  static final class NoPodsNetworkException extends IOException {
    NoPodsNetworkException(String message) {
      super(message);
    }
  }
}
