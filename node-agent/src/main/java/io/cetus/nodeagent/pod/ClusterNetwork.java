package io.cetus.nodeagent.pod;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.cetus.nodeagent.runtime.Ipv4Cidr;
import io.cetus.nodeagent.runtime.NetworkSpec;

/**
 * The cluster's network layout as pods see it; the same settings, under the same environment
 * variables, as the object store's and the service proxy's.
 *
 * @param podSubnet the subnet of the pods' engine network ({@code CETUS_POD_SUBNET}); {@code null}
 *     lets the engine pick one (cluster IPs are then out of the pods' reach)
 * @param podIpRange where the engine hands out pod IPs inside {@code podSubnet} ({@code
 *     CETUS_POD_IP_RANGE}); {@code null} means the whole subnet. Ignored without a subnet.
 * @param clusterDns the cluster DNS server pods with {@code dnsPolicy: ClusterFirst} ask ({@code
 *     CETUS_CLUSTER_DNS}); {@code null} makes {@code ClusterFirst} fall back to {@code Default}, as
 *     a kubelet without {@code --cluster-dns} does
 * @param clusterDomain the cluster's DNS domain ({@code CETUS_CLUSTER_DOMAIN})
 */
public record ClusterNetwork(
    @Nullable String podSubnet,
    @Nullable String podIpRange,
    @Nullable String clusterDns,
    String clusterDomain) {

  public static final String DEFAULT_POD_SUBNET = "10.242.0.0/16";
  public static final String DEFAULT_POD_IP_RANGE = "10.242.0.0/17";
  public static final String DEFAULT_CLUSTER_DNS = "10.242.255.10";
  public static final String DEFAULT_CLUSTER_DOMAIN = "cluster.local";

  /** The defaults every component shares. */
  public static final ClusterNetwork DEFAULTS =
      new ClusterNetwork(
          DEFAULT_POD_SUBNET, DEFAULT_POD_IP_RANGE, DEFAULT_CLUSTER_DNS, DEFAULT_CLUSTER_DOMAIN);

  public ClusterNetwork {
    podSubnet = blankToNull(podSubnet);
    podIpRange = blankToNull(podIpRange);
    clusterDns = blankToNull(clusterDns);
    clusterDomain = clusterDomain == null ? "" : clusterDomain.strip();
    if (clusterDomain.endsWith(".")) {
      clusterDomain = clusterDomain.substring(0, clusterDomain.length() - 1);
    }
    if (clusterDomain.isEmpty()) {
      throw new IllegalArgumentException("the cluster domain must not be blank");
    }
    if (podSubnet != null) {
      podSubnet = Ipv4Cidr.parse(podSubnet).toString();
    }
    if (podSubnet == null) {
      podIpRange = null; // the engine picks the subnet, so the range cannot be said in advance
    } else if (podIpRange != null) {
      podIpRange = Ipv4Cidr.parse(podIpRange).toString();
    }
    if (clusterDns != null) {
      Ipv4Cidr.address(clusterDns); // an IPv4 address, or this throws
    }
    // Checks the ip range against the subnet.
    new NetworkSpec("check", Map.of(), podSubnet, podIpRange);
  }

  /** The pods' engine network called {@code name}, as the agent creates it. */
  public NetworkSpec network(String name) {
    return new NetworkSpec(name, Map.of("io.cetus.network", name), podSubnet, podIpRange);
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
