package io.cetus.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;

/** Reading query parameters from, and writing plain-text answers to, an {@link HttpExchange}. */
final class Exchanges {

  private Exchanges() {}

  /** Sends {@code body} as UTF-8 plain text with {@code status}; a HEAD request gets no body. */
  static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    if (exchange.getRequestMethod().equals("HEAD")) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** The decoded query parameters; the first value wins when a name repeats. */
  static Map<String, String> query(HttpExchange exchange) {
    Map<String, String> parameters = new LinkedHashMap<>();
    String raw = exchange.getRequestURI().getRawQuery();
    if (raw == null || raw.isEmpty()) {
      return parameters;
    }
    for (String pair : raw.split("&")) {
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      parameters.putIfAbsent(name, value);
    }
    return parameters;
  }

  /**
   * The integer query parameter {@code name}, required, from {@code min} to {@code max}.
   *
   * @throws BadRequestException naming the parameter when it is missing or out of range
   */
  static int intParameter(HttpExchange exchange, String name, int min, int max) {
    String value = query(exchange).get(name);
    if (value != null) {
      try {
        int parsed = Integer.parseInt(value.strip());
        if (parsed >= min && parsed <= max) {
          return parsed;
        }
      } catch (NumberFormatException e) {
        // reported below, with the parameter's name
      }
    }
    throw new BadRequestException(
        "query parameter '" + name + "' must be an integer from " + min + " to " + max);
  }

  /**
   * The boolean query parameter {@code name}, required, {@code true} or {@code false}.
   *
   * @throws BadRequestException naming the parameter when it is missing or not a boolean
   */
  static boolean booleanParameter(HttpExchange exchange, String name) {
    String value = query(exchange).get(name);
    if ("true".equalsIgnoreCase(value)) {
      return true;
    }
    if ("false".equalsIgnoreCase(value)) {
      return false;
    }
    throw new BadRequestException("query parameter '" + name + "' must be true or false");
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("malformed query: " + e.getMessage());
    }
  }
}
