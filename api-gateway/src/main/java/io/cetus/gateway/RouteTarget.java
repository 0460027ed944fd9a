package io.cetus.gateway;

import java.net.URI;

import org.jspecify.annotations.Nullable;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.web.server.ServerWebExchange;

/**
 * The backend service an exchange was routed to, named for people: the route's {@code service}
 * metadata (e.g. {@code object-store-service}) and the address the gateway tried to reach.
 *
 * @param service the service a filter chose ({@link #SERVICE_ATTRIBUTE}), else the route's {@code
 *     service} metadata, else its id
 * @param address {@code host:port} of the backend, or the route URI where there is none
 */
public record RouteTarget(String service, String address) {

  /** Route metadata key naming the service behind a route, used in error messages. */
  public static final String SERVICE_METADATA = "service";

  /**
   * Exchange attribute naming the service a filter chose for this one request (such as the node
   * agent of a pod's node); it takes the place of the route's {@code service} metadata.
   */
  public static final String SERVICE_ATTRIBUTE = RouteTarget.class.getName() + ".service";

  /** The target of the exchange's route, or {@code null} before a route matched. */
  public static @Nullable RouteTarget of(ServerWebExchange exchange) {
    Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
    if (route == null) {
      return null;
    }
    Object chosen = exchange.getAttribute(SERVICE_ATTRIBUTE);
    Object service = chosen != null ? chosen : route.getMetadata().get(SERVICE_METADATA);
    URI url = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR);
    URI target = url != null ? url : route.getUri();
    String address =
        target.getHost() != null ? target.getHost() + ":" + port(target) : target.toString();
    return new RouteTarget(service != null ? service.toString() : route.getId(), address);
  }

  private static int port(URI uri) {
    if (uri.getPort() >= 0) {
      return uri.getPort();
    }
    String scheme = uri.getScheme();
    return "https".equalsIgnoreCase(scheme) || "wss".equalsIgnoreCase(scheme) ? 443 : 80;
  }
}
