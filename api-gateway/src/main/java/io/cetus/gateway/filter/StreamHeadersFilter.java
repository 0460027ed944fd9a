package io.cetus.gateway.filter;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sends a streamed response's status and headers to the client as soon as the backend's arrive, as
 * the object store and kube-apiserver send them on a watch. Left alone, Spring commits a response
 * (status and headers) only with the first buffer of its body ({@code ChannelSendOperator} waits
 * for it so that an error before any body could still change the status): a client that waits for
 * the headers before it reads, as client-go's watch does, would hang on a quiet watch until the
 * first event, and on {@code logs -f} of a quiet container until its next line.
 *
 * <p>The body {@code NettyWriteResponseFilter} relays gets an empty first buffer. Spring commits on
 * it at once, Reactor Netty writes and flushes the headers with it, and the empty buffer itself
 * puts nothing on the wire (an HTTP/1.1 chunk is written only for a non-empty buffer; the empty
 * last chunk goes only when the body ends).
 *
 * <p>Only requests that can stream pay anything: a {@code GET} whose query names {@code watch} or
 * {@code follow}, and no upgrade (WebSockets are {@link WebSocketProxyFilter}'s). Every other
 * request passes on as it came, after a look at its method (and a GET's at its query). Of those
 * that can stream, the headers go first only when the backend sent no {@code Content-Length}: a
 * watch or log the backend refused with a {@code Status} (and a {@code watch=false} list) keeps its
 * length, and a body that is a single buffer is written as one.
 */
public class StreamHeadersFilter implements GlobalFilter, Ordered {

  /** Just ahead of {@link NettyWriteResponseFilter}, which writes the response it hands on. */
  public static final int ORDER = NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER - 1;

  private static final byte[] NOTHING = new byte[0];

  @Override
  public int getOrder() {
    return ORDER;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    if (!mayStream(request)) {
      return chain.filter(exchange);
    }
    return chain.filter(
        exchange.mutate().response(new HeadersFirst(exchange.getResponse())).build());
  }

  /** A {@code GET} that is no upgrade and names {@code watch} or {@code follow} in its query. */
  static boolean mayStream(ServerHttpRequest request) {
    if (!HttpMethod.GET.equals(request.getMethod())) {
      return false;
    }
    String query = request.getURI().getRawQuery();
    return query != null
        && (names(query, "watch") || names(query, "follow"))
        && !request.getHeaders().containsHeader(HttpHeaders.UPGRADE);
  }

  /** Whether {@code query} has a parameter {@code name}, with a value or without. */
  static boolean names(String query, String name) {
    for (int at = query.indexOf(name); at >= 0; at = query.indexOf(name, at + 1)) {
      int end = at + name.length();
      if ((at == 0 || query.charAt(at - 1) == '&')
          && (end == query.length() || query.charAt(end) == '=' || query.charAt(end) == '&')) {
        return true;
      }
    }
    return false;
  }

  /** Puts an empty buffer ahead of a streamed body, so the response commits at once. */
  private static final class HeadersFirst extends ServerHttpResponseDecorator {

    HeadersFirst(ServerHttpResponse delegate) {
      super(delegate);
    }

    @Override
    public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
      if (body instanceof Mono || !streams()) {
        return super.writeWith(body);
      }
      return super.writeWith(Flux.<DataBuffer>concat(Mono.fromSupplier(this::nothing), body));
    }

    @Override
    public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
      if (!streams()) {
        return super.writeAndFlushWith(body);
      }
      return super.writeAndFlushWith(
          Flux.<Publisher<? extends DataBuffer>>concat(
              Mono.fromSupplier(() -> Mono.fromSupplier(this::nothing)), body));
    }

    /** A body of unknown length, chunked, that the status allows. */
    private boolean streams() {
      @Nullable HttpStatusCode status = getStatusCode();
      return !isCommitted()
          && getHeaders().getContentLength() < 0
          && (status == null
              || (status.value() >= 200 && status.value() != 204 && status.value() != 304));
    }

    private DataBuffer nothing() {
      return bufferFactory().wrap(NOTHING);
    }
  }
}
