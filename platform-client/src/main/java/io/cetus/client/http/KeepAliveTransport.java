package io.cetus.client.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * Requests over plain HTTP/1.1 connections kept open between requests, each request on a connection
 * of its own at that moment, the calling thread doing the I/O. The JDK's {@code HttpClient} hands
 * every request to its selector thread and back, which cost the control plane's services about as
 * much CPU per request as the object store spends answering it; a blocking socket on the caller's
 * thread (often a virtual thread) costs a write and a read.
 *
 * <p>A connection idle for longer than {@link #MAX_IDLE} is closed instead of re-used, well inside
 * the servers' keep-alive timeouts. A request on a re-used connection that the server had closed
 * meanwhile is sent again on another, if it is idempotent; others fail, as with the JDK client.
 */
final class KeepAliveTransport implements Transport {

  static final Duration MAX_IDLE = Duration.ofSeconds(10);
  private static final int MAX_IDLE_CONNECTIONS = 64;

  private final String host;
  private final int port;
  private final String basePath;
  private final byte[] fixedHeaders;
  private final int connectTimeoutMillis;
  private final long requestTimeoutNanos;
  private final ConcurrentLinkedDeque<KeepAliveConnection> idle = new ConcurrentLinkedDeque<>();
  private final Set<KeepAliveConnection> open = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  /** For an {@code http} {@code baseUri}; {@code headers} go with every request. */
  KeepAliveTransport(
      URI baseUri, Map<String, String> headers, Duration connectTimeout, Duration requestTimeout) {
    this.host = baseUri.getHost();
    this.port = baseUri.getPort() < 0 ? 80 : baseUri.getPort();
    this.basePath = baseUri.getRawPath() == null ? "" : baseUri.getRawPath();
    var head = new StringBuilder("Host: ").append(baseUri.getRawAuthority()).append("\r\n");
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    this.fixedHeaders = head.toString().getBytes(StandardCharsets.ISO_8859_1);
    this.connectTimeoutMillis = (int) connectTimeout.toMillis();
    this.requestTimeoutNanos = requestTimeout.toNanos();
  }

  @Override
  public ApiAnswer send(ApiRequest request) throws IOException {
    long deadline = System.nanoTime() + requestTimeoutNanos;
    byte[] bytes = encode(request);
    KeepAliveConnection connection;
    while ((connection = takeIdle()) != null) {
      try {
        return exchange(connection, bytes, deadline);
      } catch (KeepAliveConnection.NoAnswerException e) {
        if (!request.idempotent()) {
          throw e;
        }
        // The server closed it while it was idle; try the next one.
      }
    }
    return exchange(connect(deadline), bytes, deadline);
  }

  @Override
  public void close() {
    closed = true;
    // Closing in-flight connections too ends requests that wait on a server that went quiet.
    open.forEach(KeepAliveConnection::close);
    open.clear();
    idle.clear();
  }

  private ApiAnswer exchange(KeepAliveConnection connection, byte[] request, long deadline)
      throws IOException {
    try {
      ApiAnswer answer = connection.exchange(request, deadline);
      release(connection);
      return answer;
    } catch (IOException e) {
      discard(connection);
      throw e;
    }
  }

  private @Nullable KeepAliveConnection takeIdle() {
    KeepAliveConnection connection;
    while ((connection = idle.pollFirst()) != null) {
      if (connection.idleNanos() < MAX_IDLE.toNanos()) {
        return connection;
      }
      discard(connection);
    }
    return null;
  }

  private KeepAliveConnection connect(long deadline) throws IOException {
    if (closed) {
      throw new IOException("the client is closed");
    }
    long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
    var connection =
        KeepAliveConnection.open(
            host, port, (int) Math.max(1, Math.min(remaining, connectTimeoutMillis)));
    open.add(connection);
    if (closed) {
      discard(connection);
      throw new IOException("the client is closed");
    }
    return connection;
  }

  private void release(KeepAliveConnection connection) {
    if (closed || !connection.reusable() || idle.size() >= MAX_IDLE_CONNECTIONS) {
      discard(connection);
      return;
    }
    connection.markIdle();
    idle.addFirst(connection); // the most recently used first: warm, and the rest can age out
    KeepAliveConnection oldest = idle.peekLast();
    if (oldest != null && oldest.idleNanos() >= MAX_IDLE.toNanos() && idle.remove(oldest)) {
      discard(oldest);
    }
  }

  private void discard(KeepAliveConnection connection) {
    open.remove(connection);
    connection.close();
  }

  private byte[] encode(ApiRequest request) {
    byte[] body = request.body();
    var bytes = new ByteArrayOutputStream(256 + (body == null ? 0 : body.length));
    var head = new StringBuilder(request.method()).append(' ');
    head.append(basePath).append(request.pathAndQuery()).append(" HTTP/1.1\r\n");
    bytes.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    bytes.writeBytes(fixedHeaders);
    head.setLength(0);
    if (request.contentType() != null) {
      head.append("Content-Type: ").append(request.contentType()).append("\r\n");
    }
    if (body != null) {
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    head.append("\r\n");
    bytes.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    if (body != null) {
      bytes.writeBytes(body);
    }
    return bytes.toByteArray();
  }
}
