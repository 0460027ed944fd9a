package io.cetus.nodeagent.node;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import io.cetus.api.coordination.Lease;
import io.cetus.client.ObjectClient;

/**
 * {@code UP} once this node's Lease in {@code kube-node-lease} was renewed within the lease
 * duration: the agent has registered its Node and keeps it alive. Until the first heartbeat lands,
 * and whenever heartbeats stop reaching the API, the agent is {@code DOWN}.
 *
 * <p>A container health check on the agent thus says "this node is up", which is what a Compose
 * deployment orders its scheduler after: a node lifecycle controller that started before the agents
 * had renewed their leases would find every lease stale (the cluster was down) and evict the pods.
 */
public final class NodeLeaseHealthIndicator implements HealthIndicator {

  static final String LEASE_NAMESPACE = "kube-node-lease";

  private final String node;
  private final ObjectClient<Lease> leases;
  private final Duration leaseDuration;
  private final Clock clock;

  public NodeLeaseHealthIndicator(
      String node, ObjectClient<Lease> leases, Duration leaseDuration, Clock clock) {
    this.node = node;
    this.leases = leases;
    this.leaseDuration = leaseDuration;
    this.clock = clock;
  }

  @Override
  public Health health() {
    Lease lease;
    try {
      lease = leases.get(LEASE_NAMESPACE, node).orElse(null);
    } catch (RuntimeException e) {
      return Health.down().withDetail("node", node).withDetail("error", e.toString()).build();
    }
    Instant renewed = lease == null ? null : lease.spec().renewTime();
    if (renewed == null) {
      return Health.down().withDetail("node", node).withDetail("lease", "not yet renewed").build();
    }
    Health.Builder health =
        clock.instant().isBefore(renewed.plus(leaseDuration)) ? Health.up() : Health.down();
    return health.withDetail("node", node).withDetail("leaseRenewed", renewed.toString()).build();
  }
}
