package io.cetus.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.sun.net.httpserver.HttpExchange;

/**
 * {@code /memory} (what is retained and the resident set size), {@code /memory/allocate?mb=N},
 * {@code /memory/leak?mbPerSecond=N} and {@code /memory/free}, backed by a {@link MemoryHog}.
 */
final class MemoryEndpoints {

  private static final Path PROC_STATUS = Path.of("/proc/self/status");
  private static final int MAX_MIB = 1 << 20;

  private final MemoryHog hog;

  MemoryEndpoints(MemoryHog hog) {
    this.hog = hog;
  }

  void registerOn(Router router) {
    router
        .route("/memory", Router.READ, this::status)
        .route("/memory/allocate", Router.READ_OR_WRITE, this::allocate)
        .route("/memory/leak", Router.READ_OR_WRITE, this::leak)
        .route("/memory/free", Router.READ_OR_WRITE, this::free);
  }

  private void status(HttpExchange exchange) throws IOException {
    Exchanges.respond(exchange, 200, report());
  }

  private void allocate(HttpExchange exchange) throws IOException {
    int mib = Exchanges.intParameter(exchange, "mb", 0, MAX_MIB);
    try {
      hog.allocate(mib);
    } catch (OutOfMemoryError e) {
      Exchanges.respond(exchange, 507, "could not allocate: " + e.getMessage() + "\n" + report());
      return;
    }
    Exchanges.respond(exchange, 200, report());
  }

  private void leak(HttpExchange exchange) throws IOException {
    hog.leak(Exchanges.intParameter(exchange, "mbPerSecond", 0, MAX_MIB));
    Exchanges.respond(exchange, 200, report());
  }

  private void free(HttpExchange exchange) throws IOException {
    hog.free();
    Exchanges.respond(exchange, 200, report());
  }

  private String report() {
    return "retained: "
        + hog.retainedMib()
        + " MiB\nleaking: "
        + hog.leakMibPerSecond()
        + " MiB/s\nrss: "
        + residentSetMib()
        + "\n";
  }

  /** The resident set size from {@code /proc}, or "unknown" where there is no such file. */
  private static String residentSetMib() {
    try {
      for (String line : Files.readAllLines(PROC_STATUS)) {
        if (line.startsWith("VmRSS:")) {
          long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
          return (kib / 1024) + " MiB";
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not Linux, or an unexpected format: the rest of the report still helps
    }
    return "unknown";
  }
}
