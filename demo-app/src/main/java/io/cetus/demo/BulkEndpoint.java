package io.cetus.demo;

import java.io.IOException;
import java.io.OutputStream;

import com.sun.net.httpserver.HttpExchange;

/**
 * {@code /bytes?mb=N}: N MiB of zeros with a known length, for measuring bulk transfer through
 * proxies and Services without the sender's disk or memory in the way.
 */
final class BulkEndpoint {

  private static final int MAX_MEBIBYTES = 100 * 1024;
  private static final byte[] CHUNK = new byte[64 * 1024];

  void registerOn(Router router) {
    router.route("/bytes", Router.READ, this::bytes);
  }

  private void bytes(HttpExchange exchange) throws IOException {
    long length = (long) Exchanges.intParameter(exchange, "mb", 0, MAX_MEBIBYTES) * 1024 * 1024;
    exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
    // a zero-length body has to be announced as -1, or the server waits for a chunked one
    exchange.sendResponseHeaders(200, length == 0 ? -1 : length);
    try (OutputStream out = exchange.getResponseBody()) {
      for (long left = length; left > 0; left -= CHUNK.length) {
        out.write(CHUNK, 0, (int) Math.min(CHUNK.length, left));
      }
    }
  }
}
