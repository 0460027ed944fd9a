package io.cetus.client.http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An in-process HTTP server that answers every request with the next canned answer and records what
 * it was asked; a streaming answer writes lines the test hands it, one chunk each.
 */
public final class StubApiServer implements AutoCloseable {

  public record Recorded(String method, String uri, String contentType, String body, String auth) {}

  private final HttpServer server;
  private final LinkedBlockingQueue<Answer> answers = new LinkedBlockingQueue<>();
  private final List<Recorded> requests = new CopyOnWriteArrayList<>();

  public StubApiServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", this::handle);
    server.start();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public void answer(int code, String json) {
    answers.add(new Answer(code, json, null));
  }

  /** The next request gets a 200 whose body is written line by line from {@code lines}. */
  public Stream stream() {
    var stream = new Stream();
    answers.add(new Answer(200, null, stream));
    return stream;
  }

  public List<Recorded> requests() {
    return List.copyOf(requests);
  }

  public Recorded lastRequest() {
    return requests.getLast();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    requests.add(
        new Recorded(
            exchange.getRequestMethod(),
            exchange.getRequestURI().toString(),
            String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")),
            new String(body, StandardCharsets.UTF_8),
            String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"))));
    Answer answer;
    try {
      answer = answers.poll(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    if (answer == null) {
      exchange.sendResponseHeaders(500, -1);
      exchange.close();
      return;
    }
    if (answer.stream() != null) {
      exchange.sendResponseHeaders(200, 0);
      try (OutputStream out = exchange.getResponseBody()) {
        out.flush(); // headers now, as a watching server does, not with the first event
        answer.stream().pump(out);
      } catch (IOException e) {
        // the client went away
      }
      return;
    }
    byte[] bytes = answer.json().getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(answer.code(), bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private record Answer(int code, String json, Stream stream) {}

  /** The body of a streaming answer; {@link #end()} finishes it. */
  public static final class Stream {

    private static final String END = "\u0000end";
    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();

    public Stream line(String json) {
      lines.add(json);
      return this;
    }

    public void end() {
      lines.add(END);
    }

    private void pump(OutputStream out) throws IOException {
      try {
        while (true) {
          String line = lines.poll(10, TimeUnit.SECONDS);
          if (line == null || line.equals(END)) {
            return;
          }
          out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
          out.flush();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
