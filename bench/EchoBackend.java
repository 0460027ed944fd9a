import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the object store that does no work, to measure what the gateway alone costs: put
 * the gateway in front of it and run ApiBench against both. Reads the body and answers a fixed
 * ConfigMap-sized JSON object ({@code 201} to POST, {@code 200} otherwise), except {@code 404} to a
 * GET of a namespace, which ApiBench's clean-up waits for. JDK only:
 *
 * <pre>java bench/EchoBackend.java 18190</pre>
 */
public class EchoBackend {

  private static final byte[] ANSWER =
      ("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"echo\","
              + "\"namespace\":\"bench\",\"uid\":\"00000000-0000-0000-0000-000000000000\","
              + "\"resourceVersion\":\"1\",\"creationTimestamp\":\"2026-01-01T00:00:00Z\"},"
              + "\"data\":{\"value\":\"1\"}}")
          .getBytes(StandardCharsets.UTF_8);

  public static void main(String[] args) throws IOException {
    int port = Integer.parseInt(args[0]);
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", EchoBackend::answer);
    server.start();
    System.out.println("echo backend on 127.0.0.1:" + port);
  }

  private static void answer(HttpExchange exchange) throws IOException {
    try (InputStream body = exchange.getRequestBody()) {
      body.transferTo(OutputStream.nullOutputStream());
    }
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getRawPath();
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    if (method.equals("GET") && path.matches("/api/v1/namespaces/[^/]+")) {
      exchange.sendResponseHeaders(404, -1);
    } else {
      exchange.sendResponseHeaders(method.equals("POST") ? 201 : 200, ANSWER.length);
      exchange.getResponseBody().write(ANSWER);
    }
    exchange.close();
  }
}
