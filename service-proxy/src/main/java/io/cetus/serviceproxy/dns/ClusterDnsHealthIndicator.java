package io.cetus.serviceproxy.dns;

import java.net.InetSocketAddress;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code clusterDns}: UP while the cluster DNS serves, DOWN with the reason while it cannot take
 * its address or bind (it keeps trying). Details name the address and the upstream servers.
 */
final class ClusterDnsHealthIndicator implements HealthIndicator {

  private final ClusterDnsServer server;

  ClusterDnsHealthIndicator(ClusterDnsServer server) {
    this.server = server;
  }

  @Override
  public Health health() {
    ClusterDnsServer.Status status = server.status();
    Health.Builder health = status.serving() ? Health.up() : Health.down();
    health
        .withDetail("address", status.address().getAddress().getHostAddress())
        .withDetail("port", status.address().getPort())
        .withDetail(
            "upstream", status.upstream().stream().map(ClusterDnsHealthIndicator::format).toList());
    if (status.problem() != null) {
      health.withDetail("error", status.problem());
    }
    return health.build();
  }

  private static String format(InetSocketAddress server) {
    return server.getAddress().getHostAddress() + ":" + server.getPort();
  }
}
