package io.cetus.gateway.filter;

import java.net.URI;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import io.cetus.gateway.RouteTarget;
import io.cetus.gateway.podstream.NodeAgentEndpoint;
import io.cetus.gateway.podstream.PodReference;
import io.cetus.gateway.podstream.PodStreamTargets;

import reactor.core.publisher.Mono;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR;

/**
 * {@code PodStreamTarget} in a route's filters: sends a pod's {@code log}, {@code exec}, {@code
 * attach} or {@code portforward} request to the node agent that runs the pod, path and query
 * unchanged. The route's own URI is never used.
 *
 * <p>It runs right after {@link RouteToRequestUrlFilter} (which sets the request URL from the
 * route's URI) and replaces that URL with the agent's, ahead of the filters that send the request:
 * {@link WebSocketProxyFilter} for upgrades, Spring Cloud Gateway's Netty routing filter for the
 * rest (a followed log streams as any proxied response does). Whatever fails on the way is the
 * client's answer as a {@code Status}: see {@link PodStreamTargets}; an agent that cannot be
 * reached is a {@code 503} naming the node, and its endpoint is read afresh on the next request.
 */
public class PodStreamTargetGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

  /** After the route's URL is set, before anything sends the request. */
  public static final int ORDER = RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER + 1;

  private final PodStreamTargets targets;

  public PodStreamTargetGatewayFilterFactory(PodStreamTargets targets) {
    this.targets = targets;
  }

  @Override
  public GatewayFilter apply(Object config) {
    return new OrderedGatewayFilter(this::toNodeAgent, ORDER);
  }

  private Mono<Void> toNodeAgent(ServerWebExchange exchange, GatewayFilterChain chain) {
    URI routed = exchange.getAttribute(GATEWAY_REQUEST_URL_ATTR);
    URI url = routed != null ? routed : exchange.getRequest().getURI();
    PodReference pod = PodReference.ofSubresourcePath(url.getRawPath());
    if (pod == null) {
      return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
    String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
    return targets
        .nodeAgentOf(pod, authorization)
        .flatMap(agent -> forward(exchange, chain, url, agent));
  }

  private Mono<Void> forward(
      ServerWebExchange exchange, GatewayFilterChain chain, URI url, NodeAgentEndpoint agent) {
    exchange.getAttributes().put(GATEWAY_REQUEST_URL_ATTR, agent.target(url));
    exchange.getAttributes().put(RouteTarget.SERVICE_ATTRIBUTE, agent.serviceName());
    // Connection refused, reset mid-stream: the agent may have moved; read its Node again next
    // time.
    return chain.filter(exchange).doOnError(failure -> targets.forget(agent.node()));
  }
}
