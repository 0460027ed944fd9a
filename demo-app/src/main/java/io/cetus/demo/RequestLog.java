package io.cetus.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;

/**
 * Logs one line per request, {@code GET /health 200 1ms}, so {@code kubectl logs} shows the traffic
 * a container receives.
 */
final class RequestLog extends Filter {

  private final String prefix;
  private final PrintStream out;
  private final Clock clock;

  RequestLog(String prefix, PrintStream out, Clock clock) {
    this.prefix = prefix;
    this.out = out;
    this.clock = clock;
  }

  @Override
  public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
    long start = clock.millis();
    try {
      chain.doFilter(exchange);
    } finally {
      int status = exchange.getResponseCode();
      out.println(
          prefix
              + exchange.getRequestMethod()
              + " "
              + exchange.getRequestURI().getPath()
              + " "
              + (status < 0 ? "-" : Integer.toString(status))
              + " "
              + (clock.millis() - start)
              + "ms");
    }
  }

  @Override
  public String description() {
    return "one log line per request";
  }
}
