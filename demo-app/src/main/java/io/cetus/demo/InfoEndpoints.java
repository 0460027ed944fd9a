package io.cetus.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import com.sun.net.httpserver.HttpExchange;

/**
 * The endpoints that tell who answered and how: {@code /}, {@code /hostname}, {@code /env}, {@code
 * /echo} and {@code /delay}.
 */
final class InfoEndpoints {

  /**
   * Echo answers carry this header so a caller behind a proxy or Service sees which pod answered.
   */
  static final String SERVED_BY = "X-Served-By";

  private static final int MAX_DELAY_MS = 600_000;

  private final DemoSettings settings;
  private final Clock clock;
  private final Instant started;

  InfoEndpoints(DemoSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.started = clock.instant();
  }

  void registerOn(Router router) {
    router
        .route("/", Router.READ, this::summary)
        .route("/hostname", Router.READ, this::hostname)
        .route("/env", Router.READ, this::environment)
        .route("/echo", Router.READ_OR_WRITE, this::echo)
        .route("/delay", Router.READ, this::delay);
  }

  private void summary(HttpExchange exchange) throws IOException {
    Exchanges.respond(
        exchange,
        200,
        "demo-app\n"
            + "hostname: "
            + settings.hostname()
            + "\nversion: "
            + settings.version()
            + "\nuptime: "
            + format(Duration.between(started, clock.instant()))
            + "\nendpoints: /health /healthy /ready /switch/healthy?on= /switch/ready?on= /env"
            + " /hostname /echo?msg= /memory /memory/allocate?mb= /memory/leak?mbPerSecond="
            + " /memory/free /delay?ms= /bytes?mb= /exit?code=\n");
  }

  private void hostname(HttpExchange exchange) throws IOException {
    Exchanges.respond(exchange, 200, settings.hostname() + "\n");
  }

  private void environment(HttpExchange exchange) throws IOException {
    StringBuilder body = new StringBuilder();
    for (Map.Entry<String, String> variable : new TreeMap<>(settings.environment()).entrySet()) {
      body.append(variable.getKey()).append('=').append(variable.getValue()).append('\n');
    }
    Exchanges.respond(exchange, 200, body.toString());
  }

  private void echo(HttpExchange exchange) throws IOException {
    String body;
    try (InputStream in = exchange.getRequestBody()) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (body.isEmpty()) {
      body = Exchanges.query(exchange).getOrDefault("msg", "");
    }
    exchange.getResponseHeaders().set(SERVED_BY, settings.hostname());
    Exchanges.respond(exchange, 200, body);
  }

  private void delay(HttpExchange exchange) throws IOException {
    int millis = Exchanges.intParameter(exchange, "ms", 0, MAX_DELAY_MS);
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      Exchanges.respond(exchange, 503, "interrupted while waiting\n");
      return;
    }
    Exchanges.respond(exchange, 200, "waited " + millis + "ms\n");
  }

  private static String format(Duration uptime) {
    return "%dh%02dm%02ds"
        .formatted(uptime.toHours(), uptime.toMinutesPart(), uptime.toSecondsPart());
  }
}
