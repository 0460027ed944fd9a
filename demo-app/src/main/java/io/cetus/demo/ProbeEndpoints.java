package io.cetus.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicBoolean;

import com.sun.net.httpserver.HttpExchange;

/**
 * Liveness ({@code /health}, {@code /healthy}) and readiness ({@code /ready}) endpoints, with
 * switches ({@code /switch/healthy?on=false}, {@code /switch/ready?on=false}) that make them fail
 * until switched back, so probes and restarts can be shown on demand.
 */
final class ProbeEndpoints {

  private final AtomicBoolean healthy = new AtomicBoolean(true);
  private final AtomicBoolean ready = new AtomicBoolean(true);
  private final PrintStream log;

  ProbeEndpoints(PrintStream log) {
    this.log = log;
  }

  void registerOn(Router router) {
    router
        .route("/health", Router.READ, this::health)
        .route("/healthy", Router.READ, this::health)
        .route("/ready", Router.READ, this::readiness)
        .route(
            "/switch/healthy", Router.READ_OR_WRITE, exchange -> flip(exchange, "healthy", healthy))
        .route("/switch/ready", Router.READ_OR_WRITE, exchange -> flip(exchange, "ready", ready));
  }

  private void health(HttpExchange exchange) throws IOException {
    if (healthy.get()) {
      Exchanges.respond(exchange, 200, "ok\n");
    } else {
      Exchanges.respond(exchange, 500, "unhealthy: switched off\n");
    }
  }

  private void readiness(HttpExchange exchange) throws IOException {
    if (ready.get()) {
      Exchanges.respond(exchange, 200, "ready\n");
    } else {
      Exchanges.respond(exchange, 503, "not ready: switched off\n");
    }
  }

  private void flip(HttpExchange exchange, String name, AtomicBoolean state) throws IOException {
    boolean on = Exchanges.booleanParameter(exchange, "on");
    state.set(on);
    log.println("switched " + name + " " + (on ? "on" : "off"));
    Exchanges.respond(exchange, 200, name + "=" + on + "\n");
  }
}
