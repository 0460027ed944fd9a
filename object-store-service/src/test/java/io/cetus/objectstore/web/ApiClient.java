package io.cetus.objectstore.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

import io.cetus.api.json.Json;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Drives the API over real HTTP, as a client would; for the tests of this module. */
public final class ApiClient {

  public static final String TABLE_ACCEPT =
      "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  public ApiClient(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  public String base() {
    return base;
  }

  public Response get(String path) {
    return send("GET", path, null, null, null);
  }

  public Response get(String path, String accept) {
    return send("GET", path, null, null, accept);
  }

  public Response post(String path, String json) {
    return send("POST", path, "application/json", json.getBytes(StandardCharsets.UTF_8), null);
  }

  public Response post(String path, JsonNode json) {
    return post(path, json.toString());
  }

  public Response put(String path, JsonNode json) {
    return send("PUT", path, "application/json", bytes(json), null);
  }

  public Response patch(String path, String contentType, String body) {
    return send("PATCH", path, contentType, body.getBytes(StandardCharsets.UTF_8), null);
  }

  public Response delete(String path) {
    return send("DELETE", path, null, null, null);
  }

  public Response delete(String path, String deleteOptions) {
    return send(
        "DELETE", path, "application/json", deleteOptions.getBytes(StandardCharsets.UTF_8), null);
  }

  /**
   * One request.
   *
   * @param contentType null to send no Content-Type header
   * @param body null for no body
   */
  public Response send(
      String method,
      String path,
      @Nullable String contentType,
      byte @Nullable [] body,
      @Nullable String accept) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (accept != null) {
      request.header("Accept", accept);
    }
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Opens a watch and reads its lines in the background. */
  public WatchStream watch(String path, @Nullable String accept) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
    if (accept != null) {
      request.header("Accept", accept);
    }
    try {
      HttpResponse<InputStream> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      return new WatchStream(response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static ObjectNode json(String text) {
    return (ObjectNode) Json.mapper().readTree(text);
  }

  private static byte[] bytes(JsonNode json) {
    return json.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** An answer: status, Content-Type and body. */
  public record Response(int status, String contentType, String body) {

    public ObjectNode json() {
      return ApiClient.json(body);
    }

    @Override
    public String toString() {
      return status + " " + contentType + " " + body;
    }
  }

  /** The lines of a streaming watch, read on a virtual thread. */
  public static final class WatchStream implements AutoCloseable {

    private static final String END = "\u0000end";

    private final HttpResponse<InputStream> response;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    WatchStream(HttpResponse<InputStream> response) {
      this.response = response;
      Thread.ofVirtual()
          .start(
              () -> {
                try (BufferedReader reader =
                    new BufferedReader(
                        new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                  String line;
                  while ((line = reader.readLine()) != null) {
                    lines.add(line);
                  }
                } catch (IOException e) {
                  // closed by the test, or by the server
                } finally {
                  lines.add(END);
                }
              });
    }

    public int status() {
      return response.statusCode();
    }

    public String contentType() {
      return response.headers().firstValue("Content-Type").orElse("");
    }

    /**
     * The next event, waiting at most {@code timeout}; fails when none comes or the stream ended.
     */
    public ObjectNode next(Duration timeout) {
      String line = poll(timeout);
      if (line == null) {
        throw new AssertionError("no watch event within " + timeout);
      }
      if (line.equals(END)) {
        throw new AssertionError("the watch ended");
      }
      return json(line);
    }

    /** Whether the server ends the stream within {@code timeout} after the events read so far. */
    public boolean endsWithin(Duration timeout) {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline) {
        String line = poll(Duration.ofNanos(deadline - System.nanoTime()));
        if (line == null) {
          return false;
        }
        if (line.equals(END)) {
          return true;
        }
      }
      return false;
    }

    /** Whether the server ends the stream within {@code timeout} without sending anything more. */
    public boolean endsWithoutEventsWithin(Duration timeout) {
      return END.equals(poll(timeout));
    }

    private @Nullable String poll(Duration timeout) {
      try {
        return lines.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    }

    @Override
    public void close() {
      try {
        response.body().close();
      } catch (IOException e) {
        // already closed
      }
    }
  }
}
