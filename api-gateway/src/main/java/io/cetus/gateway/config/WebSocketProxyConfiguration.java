package io.cetus.gateway.config;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.socket.client.WebSocketClient;
import org.springframework.web.reactive.socket.server.RequestUpgradeStrategy;

import io.cetus.gateway.filter.WebSocketProxyFilter;

/**
 * Registers the backend-first WebSocket proxy. It reuses Spring Cloud Gateway's WebSocket client
 * and upgrade strategy, so the {@code httpclient.*} settings (connect timeout, frame size, ping
 * proxying) apply to it as they would to the gateway's own WebSocket routing.
 */
@Configuration(proxyBeanMethods = false)
public class WebSocketProxyConfiguration {

  @Bean
  WebSocketProxyFilter webSocketProxyFilter(
      WebSocketClient webSocketClient,
      RequestUpgradeStrategy requestUpgradeStrategy,
      ObjectProvider<List<HttpHeadersFilter>> headersFilters) {
    return new WebSocketProxyFilter(webSocketClient, requestUpgradeStrategy, headersFilters);
  }
}
