package io.cetus.nodeagent.runtime.docker;

import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cetus.nodeagent.runtime.ContainerRuntimeException;
import io.cetus.nodeagent.runtime.ExecOutput;
import io.cetus.nodeagent.runtime.ExecRequest;
import io.cetus.nodeagent.runtime.ExecSession;
import io.cetus.nodeagent.runtime.ExecStartException;
import io.cetus.nodeagent.runtime.RuntimeUnavailableException;

/**
 * An exec attached over its own connection to the engine. docker-java's HTTP transports cannot
 * half-close the hijacked connection, so a process reading stdin never sees end-of-file
 * (docker-java issues 1448 and 1684); this class speaks the few lines of HTTP that {@code POST
 * /exec/{id}/start} needs, then reads Docker's stream framing and shuts the socket's output down
 * when the caller closes stdin, as the Docker CLI does.
 */
final class DockerExecSession implements ExecSession {

  private static final Logger log = LoggerFactory.getLogger(DockerExecSession.class);
  private static final int MAX_HEAD_BYTES = 16 * 1024;
  private static final int MAX_ERROR_BYTES = 64 * 1024;
  private static final String START_FAILURE = "OCI runtime exec failed";

  private final SocketChannel channel;
  private final String execId;
  private final boolean tty;
  private final boolean detectStartFailure;
  private final ExecOutput output;
  private final Function<String, CompletableFuture<Integer>> exitCodeLookup;
  private final ResizeCall resize;
  private final CompletableFuture<Integer> exitCode = new CompletableFuture<>();
  private final OutputStream stdin;
  private volatile boolean closed;
  private boolean firstChunk = true;
  private byte @Nullable [] heldStartFailure;

  /** Resizes the exec's terminal through the engine's API. */
  interface ResizeCall {
    void resize(String execId, int columns, int rows);
  }

  private DockerExecSession(
      SocketChannel channel,
      String execId,
      boolean stdin,
      boolean tty,
      boolean detectStartFailure,
      ExecOutput output,
      Function<String, CompletableFuture<Integer>> exitCodeLookup,
      ResizeCall resize) {
    this.channel = channel;
    this.execId = execId;
    this.tty = tty;
    this.detectStartFailure = detectStartFailure;
    this.output = output;
    this.exitCodeLookup = exitCodeLookup;
    this.resize = resize;
    this.stdin = stdin ? new Stdin() : OutputStream.nullOutputStream();
  }

  /**
   * Starts the created exec {@code execId} and begins delivering its output on a virtual thread.
   *
   * @param exitCodeLookup the exit code of a finished exec, from the engine
   */
  static DockerExecSession start(
      DockerRuntimeProperties properties,
      String execId,
      ExecRequest request,
      ExecOutput output,
      Function<String, CompletableFuture<Integer>> exitCodeLookup,
      ResizeCall resize) {
    String path = apiPrefix(properties) + "/exec/" + execId + "/start";
    String body = "{\"Detach\":false,\"Tty\":" + request.tty() + "}";
    return open(
        properties,
        path,
        body,
        execId,
        request.stdin(),
        request.tty(),
        true,
        output,
        exitCodeLookup,
        resize);
  }

  /**
   * Attaches to a running container's main process ({@code POST /containers/{id}/attach}), on its
   * own connection as an exec is, and delivers its output from now on.
   *
   * @param tty whether the container has a terminal (its output is then one raw stream)
   * @param exitCodeLookup the container's exit code once its output has ended
   */
  static DockerExecSession attach(
      DockerRuntimeProperties properties,
      String containerId,
      boolean stdin,
      boolean stdout,
      boolean stderr,
      boolean tty,
      ExecOutput output,
      Function<String, CompletableFuture<Integer>> exitCodeLookup,
      ResizeCall resize) {
    String path =
        apiPrefix(properties)
            + "/containers/"
            + containerId
            + "/attach?stream=1&stdin="
            + (stdin ? 1 : 0)
            + "&stdout="
            + (stdout ? 1 : 0)
            + "&stderr="
            + (stderr ? 1 : 0);
    return open(
        properties, path, "", containerId, stdin, tty, false, output, exitCodeLookup, resize);
  }

  private static String apiPrefix(DockerRuntimeProperties properties) {
    return properties.apiVersion().isEmpty() ? "" : "/v" + properties.apiVersion();
  }

  private static DockerExecSession open(
      DockerRuntimeProperties properties,
      String path,
      String body,
      String execId,
      boolean stdin,
      boolean tty,
      boolean detectStartFailure,
      ExecOutput output,
      Function<String, CompletableFuture<Integer>> exitCodeLookup,
      ResizeCall resize) {
    SocketChannel channel;
    try {
      channel = connect(properties.host(), properties.connectTimeout());
    } catch (IOException e) {
      throw new RuntimeUnavailableException(
          "cannot connect to the Docker engine at " + properties.host() + ": " + e.getMessage(), e);
    }
    try {
      sendStart(channel, path, body);
      readHead(channel);
    } catch (IOException e) {
      closeQuietly(channel);
      throw new RuntimeUnavailableException("exec start failed: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(channel);
      throw e;
    }
    DockerExecSession session =
        new DockerExecSession(
            channel, execId, stdin, tty, detectStartFailure, output, exitCodeLookup, resize);
    Thread.ofVirtual()
        .name("docker-exec-" + execId.substring(0, Math.min(12, execId.length())))
        .start(session::pump);
    return session;
  }

  @Override
  public OutputStream stdin() {
    return stdin;
  }

  @Override
  public void resize(int columns, int rows) {
    if (tty) {
      resize.resize(execId, columns, rows);
    }
  }

  @Override
  public CompletableFuture<Integer> exitCode() {
    return exitCode;
  }

  @Override
  public void close() {
    closed = true;
    closeQuietly(channel);
    exitCode.completeExceptionally(
        new ContainerRuntimeException("exec session closed before the command exited"));
  }

  private void pump() {
    try {
      if (tty) {
        pumpRaw();
      } else {
        pumpMultiplexed();
      }
    } catch (IOException e) {
      closeQuietly(channel);
      if (!closed) {
        exitCode.completeExceptionally(
            new ContainerRuntimeException("exec stream broke: " + e.getMessage(), e));
      }
      return;
    } catch (RuntimeException e) {
      log.warn("Exec output consumer failed", e);
      closeQuietly(channel);
      exitCode.completeExceptionally(e);
      return;
    }
    closeQuietly(channel);
    byte[] held = heldStartFailure;
    exitCodeLookup
        .apply(execId)
        .whenComplete(
            (code, error) -> {
              if (error != null) {
                exitCode.completeExceptionally(error);
              } else if (held != null && (code == 126 || code == 127)) {
                exitCode.completeExceptionally(
                    new ExecStartException(new String(held, StandardCharsets.UTF_8).strip()));
              } else {
                if (held != null) {
                  output.stdout(held);
                }
                exitCode.complete(code);
              }
            });
  }

  /**
   * The engine reports a command it cannot start as the exec's first output ("OCI runtime exec
   * failed: ...") and exit code 126 or 127. That chunk is held back until the exit code tells
   * whether it was the engine's message or the program's own output.
   */
  private void deliver(boolean stderr, byte[] bytes) {
    if (firstChunk && detectStartFailure) {
      firstChunk = false;
      if (new String(bytes, StandardCharsets.UTF_8).startsWith(START_FAILURE)) {
        heldStartFailure = bytes;
        return;
      }
    }
    byte[] held = heldStartFailure;
    if (held != null) {
      heldStartFailure = null;
      output.stdout(held);
    }
    if (stderr) {
      output.stderr(bytes);
    } else {
      output.stdout(bytes);
    }
  }

  private void pumpRaw() throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(8192);
    while (true) {
      buffer.clear();
      int n = channel.read(buffer);
      if (n < 0) {
        return;
      }
      if (n > 0) {
        deliver(false, Arrays.copyOf(buffer.array(), n));
      }
    }
  }

  /** Docker's framing: 1 byte stream (1 stdout, 2 stderr), 3 zero bytes, 4 bytes length. */
  private void pumpMultiplexed() throws IOException {
    ByteBuffer header = ByteBuffer.allocate(8);
    while (true) {
      header.clear();
      if (!readFully(channel, header, true)) {
        return;
      }
      int stream = header.get(0);
      int length = header.getInt(4);
      ByteBuffer payload = ByteBuffer.allocate(length);
      readFully(channel, payload, false);
      deliver(stream == 2, payload.array());
    }
  }

  /** Reads until the buffer is full; false on end-of-stream before the first byte if allowed. */
  private static boolean readFully(SocketChannel channel, ByteBuffer buffer, boolean eofAllowed)
      throws IOException {
    while (buffer.hasRemaining()) {
      int n = channel.read(buffer);
      if (n < 0) {
        if (eofAllowed && buffer.position() == 0) {
          return false;
        }
        throw new EOFException("exec stream ended inside a frame");
      }
    }
    return true;
  }

  private static SocketChannel connect(URI host, Duration timeout) throws IOException {
    if ("unix".equals(host.getScheme())) {
      return SocketChannel.open(UnixDomainSocketAddress.of(host.getPath()));
    }
    SocketChannel channel = SocketChannel.open();
    try {
      int port = host.getPort() > 0 ? host.getPort() : 2375;
      channel
          .socket()
          .connect(new InetSocketAddress(host.getHost(), port), (int) timeout.toMillis());
      return channel;
    } catch (IOException e) {
      closeQuietly(channel);
      throw e;
    }
  }

  private static void sendStart(SocketChannel channel, String path, String json)
      throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    String head =
        "POST "
            + path
            + " HTTP/1.1\r\n"
            + "Host: docker\r\n"
            + "Content-Type: application/json\r\n"
            + "Connection: Upgrade\r\n"
            + "Upgrade: tcp\r\n"
            + "Content-Length: "
            + body.length
            + "\r\n\r\n";
    ByteBuffer request = ByteBuffer.allocate(head.length() + body.length);
    request.put(head.getBytes(StandardCharsets.US_ASCII)).put(body).flip();
    while (request.hasRemaining()) {
      channel.write(request);
    }
  }

  /** Reads the response head; anything but a switch to the raw stream is the engine's error. */
  private static void readHead(SocketChannel channel) throws IOException {
    String head = readUntilBlankLine(channel);
    String[] lines = head.split("\r\n");
    String[] status = lines[0].split(" ", 3);
    int code = status.length > 1 ? parseInt(status[1], -1) : -1;
    if (code == 101 || code == 200) {
      return;
    }
    int contentLength = -1;
    for (String line : lines) {
      int colon = line.indexOf(':');
      if (colon > 0
          && line.substring(0, colon).strip().toLowerCase(Locale.ROOT).equals("content-length")) {
        contentLength = parseInt(line.substring(colon + 1).strip(), -1);
      }
    }
    String body = readBody(channel, contentLength);
    String message = DockerErrors.message(new RuntimeException(body));
    throw new ContainerRuntimeException("exec start failed (" + code + "): " + message);
  }

  private static String readUntilBlankLine(SocketChannel channel) throws IOException {
    ByteBuffer one = ByteBuffer.allocate(1);
    StringBuilder head = new StringBuilder();
    while (head.length() < MAX_HEAD_BYTES) {
      one.clear();
      if (channel.read(one) < 0) {
        throw new EOFException("the engine closed the connection before answering");
      }
      head.append((char) (one.get(0) & 0xff));
      int n = head.length();
      if (n >= 4 && head.substring(n - 4).equals("\r\n\r\n")) {
        return head.substring(0, n - 4);
      }
    }
    throw new IOException("response head too long");
  }

  private static String readBody(SocketChannel channel, int contentLength) throws IOException {
    int limit = contentLength >= 0 ? Math.min(contentLength, MAX_ERROR_BYTES) : MAX_ERROR_BYTES;
    ByteBuffer body = ByteBuffer.allocate(limit);
    while (body.hasRemaining() && channel.read(body) >= 0) {
      // keep reading until the body is complete or the engine closes the connection
    }
    return new String(body.array(), 0, body.position(), StandardCharsets.UTF_8);
  }

  private static int parseInt(String value, int fallback) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  private static void closeQuietly(SocketChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      // abandoning the connection
    }
  }

  /** Writes straight to the socket; closing it half-closes the connection (end-of-file). */
  private final class Stdin extends OutputStream {
    private final Object writeLock = new Object();

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
      synchronized (writeLock) {
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
      }
    }

    @Override
    public void close() throws IOException {
      synchronized (writeLock) {
        try {
          channel.shutdownOutput();
        } catch (ClosedChannelException e) {
          // the session ended already; the process has nothing left to read
        }
      }
    }
  }
}
