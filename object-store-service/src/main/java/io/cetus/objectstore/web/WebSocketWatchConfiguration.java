package io.cetus.objectstore.web;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;
import org.springframework.web.socket.server.support.WebSocketHttpRequestHandler;

import io.cetus.objectstore.service.WatchQuery;
import io.cetus.objectstore.table.TableConverter;

/** Wires the WebSocket form of watches (see {@link WatchUpgradeHandlerMapping}). */
@Configuration(proxyBeanMethods = false)
class WebSocketWatchConfiguration {

  @Bean
  WebSocketHttpRequestHandler watchWebSocketHandshake(WatchQuery watches, TableConverter tables) {
    WebSocketHttpRequestHandler handshake =
        new WebSocketHttpRequestHandler(
            new WatchWebSocketHandler(watches, tables), new DefaultHandshakeHandler());
    handshake.setHandshakeInterceptors(List.of(new WatchHandshakeInterceptor()));
    return handshake;
  }

  @Bean
  WatchUpgradeHandlerMapping watchUpgradeHandlerMapping(WebSocketHttpRequestHandler handshake) {
    return new WatchUpgradeHandlerMapping(handshake);
  }
}
