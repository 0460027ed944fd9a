package io.cetus.objectstore.web;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;

/**
 * Routes WebSocket upgrades of watch requests ({@code GET /api/...?watch=true} with {@code Upgrade:
 * websocket}, as the fabric8 client sends them) to the WebSocket handshake, ahead of the plain HTTP
 * handler. Everything else, upgrades without {@code watch} included, is left to the HTTP handler,
 * so such clients get a complete HTTP answer.
 */
final class WatchUpgradeHandlerMapping extends AbstractHandlerMapping {

  private final HttpRequestHandler handshake;

  WatchUpgradeHandlerMapping(HttpRequestHandler handshake) {
    this.handshake = handshake;
    setOrder(Ordered.HIGHEST_PRECEDENCE);
  }

  @Override
  protected @Nullable Object getHandlerInternal(HttpServletRequest request) {
    if (!"GET".equals(request.getMethod())
        || !"websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
      return null;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!path.startsWith("/api/") && !path.startsWith("/apis/")) {
      return null;
    }
    return Query.parse(request.getQueryString()).flag("watch") ? handshake : null;
  }
}
