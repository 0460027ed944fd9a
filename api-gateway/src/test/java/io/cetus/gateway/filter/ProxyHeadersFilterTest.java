package io.cetus.gateway.filter;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter.Type;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

class ProxyHeadersFilterTest {

  private final ServerWebExchange exchange =
      MockServerWebExchange.from(MockServerHttpRequest.get("/api"));

  @Test
  void requestWithoutProxyHeadersPassesUncopied() {
    HttpHeaders headers = new HttpHeaders();
    headers.add("Content-Type", "application/json");
    headers.add("Authorization", "Bearer t");

    HttpHeaders filtered = new ProxyHeadersFilter(Type.REQUEST).filter(headers, exchange);

    assertThat(filtered).isSameAs(headers);
  }

  @Test
  void chunkedRequestLosesItsContentLength() {
    HttpHeaders headers = new HttpHeaders();
    headers.add("Transfer-Encoding", "chunked");
    headers.add("Content-Length", "12");
    headers.add("Content-Type", "application/json");

    HttpHeaders filtered = new ProxyHeadersFilter(Type.REQUEST).filter(headers, exchange);

    assertThat(filtered.headerNames()).containsExactly("Content-Type");
  }

  @Test
  void responseLosesHopByHopHeadersOnly() {
    HttpHeaders headers = new HttpHeaders();
    headers.add("Transfer-Encoding", "chunked");
    headers.add("Connection", "keep-alive, X-Hop");
    headers.add("Keep-Alive", "timeout=60");
    headers.add("X-Hop", "1");
    headers.add("Content-Type", "application/json");
    headers.add("X-Forwarded-For", "192.0.2.1");
    headers.add("Audit-Id", "a1");
    headers.add("Audit-Id", "a2");

    HttpHeaders filtered = new ProxyHeadersFilter(Type.RESPONSE).filter(headers, exchange);

    assertThat(filtered.headerNames())
        .containsExactly("Content-Type", "X-Forwarded-For", "Audit-Id");
    assertThat(filtered.get("Audit-Id")).containsExactly("a1", "a2");
  }

  @Test
  void eachFilterServesOneDirection() {
    assertThat(new ProxyHeadersFilter(Type.REQUEST).supports(Type.RESPONSE)).isFalse();
    assertThat(new ProxyHeadersFilter(Type.RESPONSE).supports(Type.RESPONSE)).isTrue();
  }
}
