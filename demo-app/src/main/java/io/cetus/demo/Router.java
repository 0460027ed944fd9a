package io.cetus.demo;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * Dispatches on the exact request path (the JDK server's own contexts match by prefix, which would
 * let {@code /health} answer {@code /healthz}), answers 404 for unknown paths, 405 for methods an
 * endpoint does not take and 400 for {@link BadRequestException}s.
 */
final class Router implements HttpHandler {

  /** Methods of endpoints that only read; HEAD is accepted wherever GET is. */
  static final Set<String> READ = Set.of("GET");

  /** Methods of endpoints that change something but are also reachable by a plain GET. */
  static final Set<String> READ_OR_WRITE = Set.of("GET", "POST");

  private record Route(Set<String> methods, HttpHandler handler) {}

  private final Map<String, Route> routes = new HashMap<>();

  Router route(String path, Set<String> methods, HttpHandler handler) {
    routes.put(path, new Route(methods, handler));
    return this;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      Route route = routes.get(path);
      if (route == null) {
        Exchanges.respond(exchange, 404, "no such endpoint: " + path + "\n");
        return;
      }
      String method = exchange.getRequestMethod();
      boolean allowed =
          route.methods().contains(method)
              || (method.equals("HEAD") && route.methods().contains("GET"));
      if (!allowed) {
        exchange.getResponseHeaders().set("Allow", String.join(", ", route.methods()));
        Exchanges.respond(exchange, 405, method + " is not allowed on " + path + "\n");
        return;
      }
      try {
        route.handler().handle(exchange);
      } catch (BadRequestException e) {
        Exchanges.respond(exchange, 400, e.getMessage() + "\n");
      }
    }
  }
}
