package io.cetus.nodeagent.runtime;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The network pods attach to, as {@link ContainerRuntime#ensureNetwork(NetworkSpec)} creates it.
 *
 * @param name the engine network's name
 * @param labels its labels
 * @param subnet its IPv4 subnet in CIDR form ({@code 10.242.0.0/16}); {@code null} lets the engine
 *     pick one
 * @param ipRange the part of the subnet the engine hands containers their addresses from (Docker's
 *     {@code --ip-range}); {@code null} means the whole subnet. Only with a subnet, and inside it.
 */
public record NetworkSpec(
    String name, Map<String, String> labels, @Nullable String subnet, @Nullable String ipRange) {

  public NetworkSpec {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("network name must not be blank");
    }
    labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    if (subnet != null && subnet.isBlank()) {
      subnet = null;
    }
    if (ipRange != null && ipRange.isBlank()) {
      ipRange = null;
    }
    if (subnet != null) {
      Ipv4Cidr block = Ipv4Cidr.parse(subnet);
      subnet = block.toString();
      if (ipRange != null) {
        Ipv4Cidr range = Ipv4Cidr.parse(ipRange);
        if (!block.contains(range)) {
          throw new IllegalArgumentException(
              "ip range " + ipRange + " is not inside subnet " + subnet);
        }
        ipRange = range.toString();
      }
    } else if (ipRange != null) {
      throw new IllegalArgumentException("an ip range needs a subnet: " + ipRange);
    }
  }

  /** A network whose addresses the engine picks. */
  public static NetworkSpec named(String name, Map<String, String> labels) {
    return new NetworkSpec(name, labels, null, null);
  }

  /**
   * Whether an existing network with this subnet and ip range is the one asked for: always when the
   * spec names no subnet.
   */
  public boolean matches(NetworkInfo existing) {
    return subnet == null
        || subnet.equals(normalise(existing.subnet()))
            && Objects.equals(ipRange, normalise(existing.ipRange()));
  }

  private static @Nullable String normalise(@Nullable String cidr) {
    if (cidr == null || cidr.isBlank()) {
      return null;
    }
    try {
      return Ipv4Cidr.parse(cidr).toString();
    } catch (IllegalArgumentException e) {
      return cidr;
    }
  }
}
