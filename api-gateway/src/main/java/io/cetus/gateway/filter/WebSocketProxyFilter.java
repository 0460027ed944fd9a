package io.cetus.gateway.filter;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.WebsocketRoutingFilter;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.util.StringUtils;
import org.springframework.web.reactive.socket.HandshakeInfo;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.client.WebSocketClient;
import org.springframework.web.reactive.socket.server.RequestUpgradeStrategy;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

import io.cetus.gateway.RouteTarget;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException;

import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.isAlreadyRouted;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.setAlreadyRouted;

/**
 * Proxies WebSocket upgrades (exec, attach, port-forward, fabric8's watches) to the route's
 * backend, backend first: the gateway completes the handshake with the backend before it answers
 * the client, so the client gets the subprotocol the backend chose, and a refused upgrade comes
 * back as the backend's status code instead of a {@code 101} followed by a dropped connection.
 * Spring Cloud Gateway's own {@link WebsocketRoutingFilter} does it the other way round (it echoes
 * the client's first offer before the backend is even asked), which breaks the subprotocol
 * negotiation and the SPDY and plain-HTTP fallbacks Kubernetes clients rely on.
 *
 * <p>Handles any route whose URI is {@code http}, {@code https}, {@code ws} or {@code wss} when the
 * request is a WebSocket upgrade, so one route serves plain requests and upgrades on the same path.
 * Frames are relayed by {@link WebSocketRelay}.
 */
public class WebSocketProxyFilter implements GlobalFilter, Ordered {

  /** Before Spring Cloud Gateway's WebSocket and HTTP routing filters. */
  public static final int ORDER = Ordered.LOWEST_PRECEDENCE - 2;

  private static final Log log = LogFactory.getLog(WebSocketProxyFilter.class);

  private static final Set<String> PROXIED_SCHEMES = Set.of("http", "https", "ws", "wss");

  private static final String SEC_WEBSOCKET_KEY = "Sec-WebSocket-Key";
  private static final String SEC_WEBSOCKET_PROTOCOL = "Sec-WebSocket-Protocol";

  /** Headers of a refused upgrade that describe the hop or the body the gateway replaces. */
  private static final Set<String> HOP_HEADERS =
      Set.of(
          "connection",
          "keep-alive",
          "transfer-encoding",
          "upgrade",
          "content-length",
          "content-type",
          "content-encoding");

  private final WebSocketClient client;
  private final RequestUpgradeStrategy upgradeStrategy;
  private final ObjectProvider<List<HttpHeadersFilter>> headersFilters;

  public WebSocketProxyFilter(
      WebSocketClient client,
      RequestUpgradeStrategy upgradeStrategy,
      ObjectProvider<List<HttpHeadersFilter>> headersFilters) {
    this.client = client;
    this.upgradeStrategy = upgradeStrategy;
    this.headersFilters = headersFilters;
  }

  @Override
  public int getOrder() {
    return ORDER;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
    URI url = exchange.getAttribute(GATEWAY_REQUEST_URL_ATTR);
    if (url == null
        || isAlreadyRouted(exchange)
        || !isWebSocketUpgrade(exchange.getRequest())
        || !PROXIED_SCHEMES.contains(url.getScheme().toLowerCase(Locale.ROOT))) {
      return chain.filter(exchange);
    }
    setAlreadyRouted(exchange);
    ServerHttpRequest request = exchange.getRequest();
    if (request.getHeaders().getFirst(SEC_WEBSOCKET_KEY) == null) {
      return Mono.error(new ServerWebInputException("missing Sec-WebSocket-Key header"));
    }
    List<String> offered = offeredSubprotocols(request.getHeaders());
    return client
        .execute(
            webSocketUrl(url), forwardedHeaders(exchange), new BackendHandler(exchange, offered))
        .onErrorMap(WebSocketClientHandshakeException.class, refusal -> refused(exchange, refusal))
        .onErrorResume(
            failure -> exchange.getResponse().isCommitted(),
            failure -> {
              // The client is already upgraded; closing the sessions is all that is left to do.
              log.debug(exchange.getLogPrefix() + "WebSocket proxy ended with an error", failure);
              return Mono.empty();
            });
  }

  private static boolean isWebSocketUpgrade(ServerHttpRequest request) {
    return HttpMethod.GET.equals(request.getMethod())
        && "websocket".equalsIgnoreCase(request.getHeaders().getUpgrade());
  }

  /** The client's offers in its order of preference. */
  private static List<String> offeredSubprotocols(HttpHeaders headers) {
    List<String> values = headers.getOrEmpty(SEC_WEBSOCKET_PROTOCOL);
    return values.stream()
        .flatMap(value -> Arrays.stream(StringUtils.commaDelimitedListToStringArray(value)))
        .map(String::trim)
        .filter(protocol -> !protocol.isEmpty())
        .toList();
  }

  /** The same URL, raw path and query untouched, with the WebSocket scheme. */
  private static URI webSocketUrl(URI url) {
    String scheme = url.getScheme().toLowerCase(Locale.ROOT);
    String webSocketScheme = scheme.equals("https") || scheme.equals("wss") ? "wss" : "ws";
    return URI.create(webSocketScheme + url.toString().substring(scheme.length()));
  }

  /**
   * The client's headers as Spring Cloud Gateway forwards them (hop-by-hop removed, X-Forwarded-*
   * added), minus {@code Host} and the handshake headers the gateway's own client sets.
   */
  private HttpHeaders forwardedHeaders(ServerWebExchange exchange) {
    HttpHeaders filtered =
        HttpHeadersFilter.filterRequest(headersFilters.getIfAvailable(List::of), exchange);
    HttpHeaders forwarded = new HttpHeaders();
    filtered.forEach(
        (name, values) -> {
          String lower = name.toLowerCase(Locale.ROOT);
          if (!lower.equals("host") && !lower.startsWith("sec-websocket-")) {
            forwarded.addAll(name, values);
          }
        });
    return forwarded;
  }

  private static Throwable refused(
      ServerWebExchange exchange, WebSocketClientHandshakeException refusal) {
    HttpResponse response = refusal.response();
    if (response == null) {
      return refusal; // no answer at all: the backend is unreachable (503)
    }
    int code = response.status().code();
    HttpHeaders headers = new HttpHeaders();
    response
        .headers()
        .forEach(
            header -> {
              String lower = header.getKey().toLowerCase(Locale.ROOT);
              if (!HOP_HEADERS.contains(lower) && !lower.startsWith("sec-websocket-")) {
                headers.add(header.getKey(), header.getValue());
              }
            });
    RouteTarget target = RouteTarget.of(exchange);
    String service = target != null ? target.service() : "the backend";
    return new UpgradeRefusedException(
        HttpStatusCode.valueOf(code),
        service + " refused the WebSocket upgrade with HTTP " + code,
        headers);
  }

  /** Runs once the backend accepted the upgrade: upgrades the client with the same subprotocol. */
  private final class BackendHandler implements WebSocketHandler {

    private final ServerWebExchange exchange;
    private final List<String> offered;

    BackendHandler(ServerWebExchange exchange, List<String> offered) {
      this.exchange = exchange;
      this.offered = offered;
    }

    @Override
    public List<String> getSubProtocols() {
      return offered;
    }

    @Override
    public Mono<Void> handle(WebSocketSession backend) {
      String chosen = backend.getHandshakeInfo().getSubProtocol();
      ServerHttpRequest request = exchange.getRequest();
      // The upgrade completes with the client's handshake, not with its session. The backend
      // session must stay open until the relay is over, so wait for that explicitly.
      Sinks.Empty<Void> relayed = Sinks.empty();
      WebSocketHandler relay =
          clientSession ->
              WebSocketRelay.between(clientSession, backend)
                  .doFinally(signal -> relayed.tryEmitEmpty());
      Mono<Void> upgrade =
          Mono.defer(
              () ->
                  upgradeStrategy.upgrade(
                      exchange,
                      relay,
                      chosen,
                      () ->
                          new HandshakeInfo(
                              request.getURI(),
                              request.getHeaders(),
                              request.getCookies(),
                              exchange.getPrincipal(),
                              chosen,
                              request.getRemoteAddress(),
                              Map.of(),
                              exchange.getLogPrefix())));
      return onClientEventLoop(exchange, upgrade).then(relayed.asMono());
    }
  }

  /**
   * Runs the client's upgrade on the client connection's own event loop. This handler runs on the
   * backend connection's loop; upgrading the client from there let a frame the client sent right
   * after the {@code 101} reach the connection before its WebSocket handling was in place, and the
   * frame was dropped (about one connection in ten).
   */
  private static Mono<Void> onClientEventLoop(ServerWebExchange exchange, Mono<Void> upgrade) {
    Object nativeRequest = ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest());
    if (nativeRequest instanceof Connection connection) {
      return upgrade.subscribeOn(Schedulers.fromExecutor(connection.channel().eventLoop()));
    }
    return upgrade;
  }
}
