package io.cetus.demo;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * What the demo application serves, read from its environment.
 *
 * <table>
 *   <caption>Environment variables</caption>
 *   <tr><td>{@code PORT}</td><td>port of the demo endpoints, default 8080</td></tr>
 *   <tr><td>{@code DEMO_VERSION}</td><td>version shown on {@code /}</td></tr>
 *   <tr><td>{@code EXIT_AFTER_SECONDS}, {@code EXIT_CODE}</td><td>exit on its own with that code
 *       (default 0) after that many seconds</td></tr>
 *   <tr><td>{@code PROXY_TO} or {@code BACKEND_HOST}</td><td>{@code host:port} to forward
 *       {@code PROXY_PORT} (default 80) to; {@code BACKEND_HOST} is the name nginx-style proxy
 *       containers use</td></tr>
 * </table>
 *
 * <p>When the proxy port equals {@code PORT}, the proxy takes that port and the demo endpoints are
 * not served: a proxy image that sets {@code PORT=80} then behaves like nginx, serving the demo
 * endpoints on 80 without a backend and forwarding 80 with one, never binding the backend's port.
 *
 * @param port port of the demo endpoints (0 picks a free one), or null when they are not served
 * @param version version shown on {@code /}
 * @param hostname name reported by {@code /}, {@code /hostname} and {@code X-Served-By}
 * @param exitAfter when set, the application exits on its own after this long
 * @param exitCode exit code used when {@code exitAfter} elapses
 * @param proxy where to forward a second port, or null for no proxy
 * @param environment the variables {@code /env} lists
 */
record DemoSettings(
    @Nullable Integer port,
    String version,
    String hostname,
    @Nullable Duration exitAfter,
    int exitCode,
    @Nullable Proxy proxy,
    Map<String, String> environment) {

  static final int DEFAULT_PORT = 8080;
  static final int DEFAULT_PROXY_PORT = 80;

  /**
   * A port forwarded to another address.
   *
   * @param target {@code host:port} (or {@code http://host:port}) that receives every request
   * @param port port the proxy listens on (0 picks a free one)
   */
  record Proxy(String target, int port) {}

  DemoSettings {
    environment = Map.copyOf(environment);
  }

  /**
   * Reads the settings from environment variables.
   *
   * @throws IllegalArgumentException naming the variable when a value is malformed
   */
  static DemoSettings fromEnvironment(
      Map<String, String> env, Supplier<String> localHostname, String defaultVersion) {
    int port = intVariable(env, "PORT", DEFAULT_PORT, 0, 65535);
    Proxy proxy = null;
    String target = firstSet(env, "PROXY_TO", "BACKEND_HOST");
    if (target != null) {
      proxy = new Proxy(target, intVariable(env, "PROXY_PORT", DEFAULT_PROXY_PORT, 0, 65535));
    }
    boolean proxyTakesPort = proxy != null && proxy.port() == port && port != 0;
    String exitAfter = env.get("EXIT_AFTER_SECONDS");
    String hostname = env.get("HOSTNAME");
    return new DemoSettings(
        proxyTakesPort ? null : port,
        env.getOrDefault("DEMO_VERSION", defaultVersion),
        hostname == null || hostname.isBlank() ? localHostname.get() : hostname,
        exitAfter == null
            ? null
            : Duration.ofSeconds(intVariable(env, "EXIT_AFTER_SECONDS", 0, 0, Integer.MAX_VALUE)),
        intVariable(env, "EXIT_CODE", 0, 0, 255),
        proxy,
        env);
  }

  private static @Nullable String firstSet(Map<String, String> env, String... names) {
    for (String name : names) {
      String value = env.get(name);
      if (value != null && !value.isBlank()) {
        return value.strip();
      }
    }
    return null;
  }

  private static int intVariable(
      Map<String, String> env, String name, int defaultValue, int min, int max) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return defaultValue;
    }
    try {
      int parsed = Integer.parseInt(value.strip());
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below, with the variable's name
    }
    throw new IllegalArgumentException(
        name + " must be an integer from " + min + " to " + max + ", got '" + value + "'");
  }
}
