package io.cetus.serviceproxy.dns;

import java.net.InetSocketAddress;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code clusterDns}: UP while the cluster DNS serves; DOWN with the reason while it cannot take
 * its address or bind (it keeps trying). While no interface is on the pods' subnet it is UP with
 * {@code serving: false} and what it waits for: the node agent creates the pods' network with the
 * first pod, and no pod can need the DNS before. Details name the address and the upstream servers.
 */
final class ClusterDnsHealthIndicator implements HealthIndicator {

  private final ClusterDnsServer server;

  ClusterDnsHealthIndicator(ClusterDnsServer server) {
    this.server = server;
  }

  @Override
  public Health health() {
    ClusterDnsServer.Status status = server.status();
    Health.Builder health = status.serving() || status.waiting() ? Health.up() : Health.down();
    health
        .withDetail("serving", status.serving())
        .withDetail("address", status.address().getAddress().getHostAddress())
        .withDetail("port", status.address().getPort())
        .withDetail(
            "upstream", status.upstream().stream().map(ClusterDnsHealthIndicator::format).toList());
    if (status.waiting()) {
      health.withDetail("waitingFor", status.problem());
    } else if (status.problem() != null) {
      health.withDetail("error", status.problem());
    }
    return health.build();
  }

  private static String format(InetSocketAddress server) {
    return server.getAddress().getHostAddress() + ":" + server.getPort();
  }
}
