package io.cetus.serviceproxy.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds addresses with {@code ip addr add|del <ip>/32 dev <interface>} (iproute2; needs {@code
 * CAP_NET_ADMIN}). The interface is the one with an IPv4 address, other than a {@code /32}, inside
 * the pods' subnet: the bridge {@code br-…} of the pods' Docker network when the proxy runs on the
 * host, {@code ethN} when it runs in a container attached to that network. It is looked up on every
 * call until found, and again after a command could not find it (the network may be created after
 * the proxy starts, or re-created).
 */
public final class IpCommandLocalAddresses implements LocalAddresses {

  private static final Logger log = LoggerFactory.getLogger(IpCommandLocalAddresses.class);
  private static final long COMMAND_TIMEOUT_SECONDS = 10;

  private final Ipv4Range podSubnet;
  private final String ipCommand;
  private volatile @Nullable String interfaceName;

  public IpCommandLocalAddresses(Ipv4Range podSubnet) {
    this(podSubnet, "ip");
  }

  IpCommandLocalAddresses(Ipv4Range podSubnet, String ipCommand) {
    this.podSubnet = podSubnet;
    this.ipCommand = ipCommand;
  }

  /** The interface on the pods' subnet, if there is one now. */
  public static Optional<NetworkInterface> findInterface(Ipv4Range subnet) {
    try {
      for (NetworkInterface candidate : NetworkInterface.networkInterfaces().toList()) {
        for (InterfaceAddress address : candidate.getInterfaceAddresses()) {
          if (address.getAddress() instanceof Inet4Address v4
              && address.getNetworkPrefixLength() < 32
              && subnet.contains(v4)) {
            return Optional.of(candidate);
          }
        }
      }
      return Optional.empty();
    } catch (SocketException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void add(InetAddress address) {
    run("add", address, List.of("File exists", "already assigned"));
  }

  @Override
  public void remove(InetAddress address) {
    run("del", address, List.of("Cannot assign requested address", "not found"));
  }

  @Override
  public Set<InetAddress> list() {
    Optional<String> name = resolveInterface();
    if (name.isEmpty()) {
      return Set.of();
    }
    Set<InetAddress> held = new HashSet<>();
    try {
      NetworkInterface device = NetworkInterface.getByName(name.get());
      if (device == null) {
        interfaceName = null;
        return Set.of();
      }
      for (InterfaceAddress address : device.getInterfaceAddresses()) {
        if (address.getAddress() instanceof Inet4Address v4
            && address.getNetworkPrefixLength() == 32) {
          held.add(v4);
        }
      }
    } catch (SocketException e) {
      throw new LocalAddressException("cannot read the addresses of " + name.get(), e);
    }
    return held;
  }

  private void run(String verb, InetAddress address, List<String> alreadyDone) {
    String device =
        resolveInterface()
            .orElseThrow(
                () ->
                    new LocalAddressException(
                        "no network interface has an address in the pods' subnet " + podSubnet));
    List<String> command =
        new ArrayList<>(
            List.of(ipCommand, "addr", verb, address.getHostAddress() + "/32", "dev", device));
    String output;
    int exit;
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      try (InputStream out = process.getInputStream()) {
        output = new String(out.readAllBytes(), StandardCharsets.UTF_8).trim();
      }
      if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new LocalAddressException(String.join(" ", command) + " did not finish");
      }
      exit = process.exitValue();
    } catch (IOException e) {
      throw new LocalAddressException("cannot run " + String.join(" ", command), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LocalAddressException("interrupted running " + String.join(" ", command), e);
    }
    if (exit == 0) {
      log.info(
          "{} {}/32 on {}",
          verb.equals("add") ? "Holding" : "Released",
          address.getHostAddress(),
          device);
      return;
    }
    if (alreadyDone.stream().anyMatch(output::contains)) {
      return;
    }
    if (output.contains("Cannot find device")) {
      interfaceName = null; // the network was removed; look for it again next time
    }
    throw new LocalAddressException(
        String.join(" ", command) + " failed (exit " + exit + "): " + output);
  }

  private Optional<String> resolveInterface() {
    String known = interfaceName;
    if (known != null) {
      return Optional.of(known);
    }
    Optional<String> found = findInterface(podSubnet).map(NetworkInterface::getName);
    found.ifPresent(
        name -> {
          interfaceName = name;
          log.info(
              "Cluster IPs are held on {}, the interface on the pods' subnet {}", name, podSubnet);
        });
    return found;
  }
}
