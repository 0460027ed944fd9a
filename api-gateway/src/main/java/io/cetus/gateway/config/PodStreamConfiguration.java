package io.cetus.gateway.config;

import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.cetus.gateway.filter.PodStreamTargetGatewayFilterFactory;
import io.cetus.gateway.podstream.NodeAgentEndpoints;
import io.cetus.gateway.podstream.ObjectStoreReader;
import io.cetus.gateway.podstream.PodStreamTargets;

import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.ObjectMapper;

/**
 * Wires the {@code PodStreamTarget} route filter, which sends pod streams to node agents, and what
 * it needs: reads from the object store through the gateway's own HTTP client (so its connect
 * timeout applies) and the short-lived memory of node agent endpoints.
 */
@Configuration(proxyBeanMethods = false)
public class PodStreamConfiguration {

  /** How long one read of a pod or Node may take before the request fails with 504. */
  static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(10);

  @Bean
  PodStreamTargets podStreamTargets(
      HttpClient httpClient,
      ObjectMapper json,
      @Value("${cetus.object-store-url}") URI objectStoreUrl,
      @Value("${cetus.pod-streams.node-cache-ttl:5s}") Duration nodeCacheTtl) {
    ObjectStoreReader store = new ObjectStoreReader(httpClient, objectStoreUrl, LOOKUP_TIMEOUT);
    NodeAgentEndpoints agents =
        new NodeAgentEndpoints(store, json, nodeCacheTtl, InstantSource.system());
    return new PodStreamTargets(store, agents, json);
  }

  @Bean
  PodStreamTargetGatewayFilterFactory podStreamTargetGatewayFilterFactory(
      PodStreamTargets targets) {
    return new PodStreamTargetGatewayFilterFactory(targets);
  }
}
