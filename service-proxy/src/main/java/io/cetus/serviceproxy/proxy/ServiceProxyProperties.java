package io.cetus.serviceproxy.proxy;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code platform.service-proxy.*}: the cluster network this machine's proxy serves. The DNS
 * settings under {@code platform.service-proxy.dns} are bound elsewhere.
 *
 * @param podNetwork the pods' Docker network ({@code CETUS_POD_NETWORK})
 * @param podSubnet its subnet ({@code CETUS_POD_SUBNET}); the interface with an address in it is
 *     where cluster IPs are held
 * @param clusterIpRange where the object store allocates cluster IPs ({@code
 *     CETUS_SERVICE_CLUSTER_IP_RANGE}); the proxy adds and removes addresses only inside it
 * @param nodeAddress where node ports and load balancers listen ({@code CETUS_PROXY_ADDRESS}):
 *     {@code 127.0.0.1} by default, {@code 0.0.0.0} for every address of the machine
 * @param proxy how the proxy runs
 */
@ConfigurationProperties("platform.service-proxy")
public record ServiceProxyProperties(
    @DefaultValue("cetus") String podNetwork,
    @DefaultValue("10.242.0.0/16") String podSubnet,
    @DefaultValue("10.242.128.0/18") String clusterIpRange,
    @DefaultValue("127.0.0.1") String nodeAddress,
    @DefaultValue Proxy proxy) {

  /**
   * {@code platform.service-proxy.proxy.*}.
   *
   * @param connectTimeout how long a connection to one endpoint may take before the next endpoint
   *     is tried
   * @param holdClusterIps whether the proxy adds the cluster IPs to the pods' network interface
   *     ({@code ip addr add}, needs {@code CAP_NET_ADMIN}); off, something else must make them
   *     local
   * @param transport {@code auto} (epoll where available, else NIO), {@code epoll} or {@code nio}
   * @param eventLoopThreads Netty event loop threads; 0 for half the CPUs, at least one
   * @param workers services reconciled at once
   */
  public record Proxy(
      @DefaultValue("1s") Duration connectTimeout,
      @DefaultValue("true") boolean holdClusterIps,
      @DefaultValue("auto") TransportMode transport,
      @DefaultValue("0") int eventLoopThreads,
      @DefaultValue("2") int workers) {}

  /** Which Netty transport carries the proxied connections. */
  public enum TransportMode {
    AUTO,
    EPOLL,
    NIO
  }
}
