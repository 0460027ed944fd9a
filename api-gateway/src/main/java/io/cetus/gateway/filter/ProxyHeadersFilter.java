package io.cetus.gateway.filter;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * The header rules of a proxy hop in one pass, standing in for four of Spring Cloud Gateway's
 * filters that each copy every header of every request. Both ways it drops hop-by-hop headers (RFC
 * 9110 §7.6.1, and any named in {@code Connection}); on requests also the client's {@code
 * Forwarded} and {@code X-Forwarded-*} headers (no proxy in front of the gateway is trusted) and a
 * {@code Content-Length} sent next to {@code Transfer-Encoding: chunked} (RFC 9112 §6.3, against
 * request smuggling). Headers with none of these, nearly every request's, pass uncopied.
 */
public class ProxyHeadersFilter implements HttpHeadersFilter, Ordered {

  /** Where Spring Cloud Gateway ran its hop-by-hop filter: after filters that add headers. */
  public static final int ORDER = Ordered.LOWEST_PRECEDENCE - 1;

  private static final Set<String> HOP_BY_HOP =
      Set.of(
          "connection",
          "keep-alive",
          "transfer-encoding",
          "te",
          "trailer",
          "proxy-authorization",
          "proxy-authenticate",
          "x-application-context",
          "upgrade");

  private static final String FORWARDED = "forwarded";
  private static final String X_FORWARDED_PREFIX = "x-forwarded-";

  private final Type direction;

  /** A filter for the headers of requests ({@code REQUEST}) or of responses ({@code RESPONSE}). */
  public ProxyHeadersFilter(Type direction) {
    this.direction = direction;
  }

  @Override
  public int getOrder() {
    return ORDER;
  }

  @Override
  public boolean supports(Type type) {
    return type == direction;
  }

  /** {@code input} itself when nothing is to go, else a copy without what has to. */
  @Override
  public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
    Rules rules = new Rules(direction, input);
    if (!rules.removeAny(input)) {
      return input;
    }
    HttpHeaders filtered = new HttpHeaders();
    input.forEach(
        (name, values) -> {
          if (!rules.removes(name)) {
            filtered.addAll(name, values);
          }
        });
    return filtered;
  }

  /** What goes from one set of headers. */
  private static final class Rules {

    private final boolean request;
    private final Set<String> connectionOptions;
    private final boolean chunkedWithLength;

    Rules(Type type, HttpHeaders headers) {
      this.request = type == Type.REQUEST;
      this.connectionOptions = connectionOptions(headers);
      String transferEncoding = headers.getFirst(HttpHeaders.TRANSFER_ENCODING);
      this.chunkedWithLength =
          request
              && transferEncoding != null
              && "chunked".equalsIgnoreCase(transferEncoding.trim())
              && headers.containsHeader(HttpHeaders.CONTENT_LENGTH);
    }

    boolean removeAny(HttpHeaders headers) {
      if (chunkedWithLength || !connectionOptions.isEmpty()) {
        return true;
      }
      for (String name : HOP_BY_HOP) {
        if (headers.containsHeader(name)) {
          return true;
        }
      }
      if (request) {
        if (headers.containsHeader(FORWARDED)) {
          return true;
        }
        for (String name : headers.headerNames()) {
          if (isXForwarded(name)) {
            return true;
          }
        }
      }
      return false;
    }

    boolean removes(String name) {
      String lower = name.toLowerCase(Locale.ROOT);
      if (HOP_BY_HOP.contains(lower) || connectionOptions.contains(lower)) {
        return true;
      }
      if (!request) {
        return false;
      }
      return lower.equals(FORWARDED)
          || isXForwarded(lower)
          || (chunkedWithLength && lower.equals("content-length"));
    }

    private static boolean isXForwarded(String name) {
      return name.regionMatches(true, 0, X_FORWARDED_PREFIX, 0, X_FORWARDED_PREFIX.length());
    }

    /** The header names listed in {@code Connection}, lower case; usually none. */
    private static Set<String> connectionOptions(HttpHeaders headers) {
      if (!headers.containsHeader(HttpHeaders.CONNECTION)) {
        return Set.of();
      }
      return headers.getConnection().stream()
          .map(option -> option.trim().toLowerCase(Locale.ROOT))
          .filter(option -> !option.isEmpty())
          .collect(Collectors.toUnmodifiableSet());
    }
  }
}
