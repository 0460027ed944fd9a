package io.cetus.e2e.services;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Plain HTTP/1.0 requests to the demo app through a Service, one new connection each, so every
 * request is balanced on its own and none rides on a connection to a pod that has gone.
 */
final class ServiceRequests {

  private static final int TIMEOUT_MILLIS = 5_000;

  private ServiceRequests() {}

  /**
   * {@code GET path} on 127.0.0.1:{@code port}: the body of a 200 answer, empty for any other
   * answer or a failed connection.
   */
  static Optional<String> get(int port, String path) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
      socket.setSoTimeout(TIMEOUT_MILLIS);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET " + path + " HTTP/1.0\r\nHost: e2e\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int bodyStart = response.indexOf("\r\n\r\n");
      if (!response.startsWith("HTTP/1.") || !response.contains(" 200 ") || bodyStart < 0) {
        return Optional.empty();
      }
      return Optional.of(response.substring(bodyStart + 4).strip());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Whether a connection to 127.0.0.1:{@code port} is refused (rather than accepted or hung). */
  static boolean refused(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
      return false;
    } catch (java.net.ConnectException e) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
