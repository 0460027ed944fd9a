package io.cetus.nodeagent;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import io.cetus.api.coordination.Lease;
import io.cetus.client.ObjectClientFactory;
import io.cetus.nodeagent.hollow.HollowMode;
import io.cetus.nodeagent.node.NodeLeaseHealthIndicator;

/**
 * The {@code nodeLease} health indicator: the agent is healthy while its node's Lease is fresh (not
 * in hollow mode, where the process has no node of its own).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(HollowMode.Off.class)
class NodeLeaseHealthConfiguration {

  @Bean
  NodeLeaseHealthIndicator nodeLeaseHealthIndicator(
      NodeAgentProperties properties, ObjectClientFactory clients, Clock clock) {
    return new NodeLeaseHealthIndicator(
        properties.node(), clients.forType(Lease.class), properties.leaseDuration(), clock);
  }
}
