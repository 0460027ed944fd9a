package io.cetus.serviceproxy.dns;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code platform.service-proxy.dns.*}: the cluster DNS.
 *
 * @param enabled whether this proxy serves the cluster DNS
 * @param address where it listens (UDP and TCP); made a local address of the pods' interface unless
 *     it is a loopback address or local already
 * @param port the port, 53 for pods; 0 picks a free one (tests)
 * @param clusterDomain the zone it is authoritative for, e.g. {@code cluster.local}
 * @param upstream where names outside the cluster domain go, each {@code ip} or {@code ip:port}
 *     ({@code [v6]:port}); when empty, the {@code nameserver}s of {@link #resolvConf}
 * @param resolvConf the resolver configuration whose name servers are the upstream when {@link
 *     #upstream} is empty; the cluster DNS address itself is left out. Empty: none, so names
 *     outside the cluster domain are refused
 * @param ttl the TTL of every answer from the cluster domain, and of negative answers
 * @param upstreamTimeout how long one upstream server has to answer before the next is tried
 * @param bindRetry how long to wait before trying again to take the address and bind
 */
@ConfigurationProperties("platform.service-proxy.dns")
public record DnsProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("10.242.255.10") String address,
    @DefaultValue("53") int port,
    @DefaultValue("cluster.local") String clusterDomain,
    @DefaultValue List<String> upstream,
    @DefaultValue("/etc/resolv.conf") String resolvConf,
    @DefaultValue("5s") Duration ttl,
    @DefaultValue("2s") Duration upstreamTimeout,
    @DefaultValue("3s") Duration bindRetry) {

  public DnsProperties {
    upstream = List.copyOf(upstream);
  }
}
