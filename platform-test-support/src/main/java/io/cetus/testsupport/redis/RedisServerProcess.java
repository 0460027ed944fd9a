package io.cetus.testsupport.redis;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.awaitility.core.ConditionTimeoutException;

import io.cetus.testsupport.process.ChildProcesses;

import static org.awaitility.Awaitility.await;

/**
 * A throwaway {@code redis-server} forked by a test, listening on {@code 127.0.0.1} on a free port,
 * with persistence off ({@code --save "" --appendonly no}).
 *
 * <p>Contract:
 *
 * <ul>
 *   <li>{@link #start()} returns only once the server answers on {@link #port()}, and the process
 *       answering is the one it forked (checked by pid, so a concurrent test that grabbed the same
 *       port cannot be mistaken for ours). A port taken between choosing and binding is retried on
 *       another port. It fails with {@link IllegalStateException} when no {@code redis-server}
 *       binary exists ({@code /usr/bin/redis-server} or on {@code PATH}) or the server does not
 *       come up within 20 seconds.
 *   <li>The server starts empty and keeps everything in memory; {@link #flushAll()} empties it
 *       again, e.g. between test methods.
 *   <li>{@link #close()} stops the server and waits until the process has exited; closing twice is
 *       harmless. A server a test forgets to close is killed when the JVM exits.
 * </ul>
 *
 * <p>Typical use, one server per test class:
 *
 * <pre>{@code
 * static RedisServerProcess redis;
 *
 * @BeforeAll static void startRedis() { redis = RedisServerProcess.start(); }
 * @AfterAll static void stopRedis() { redis.close(); }
 * @BeforeEach void emptyRedis() { redis.flushAll(); }
 * }</pre>
 *
 * <p>Thread-safe: {@link #flushAll()} opens its own connection per call.
 */
public final class RedisServerProcess implements AutoCloseable {

  private static final Path DEFAULT_BINARY = Path.of("/usr/bin/redis-server");
  private static final Duration STARTUP_DEADLINE = Duration.ofSeconds(20);
  private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(5);
  private static final int BIND_ATTEMPTS = 3;

  private final Process process;
  private final int port;
  private final Path workDir;
  private final Thread killOnExit;

  private RedisServerProcess(Process process, int port, Path workDir) {
    this.process = process;
    this.port = port;
    this.workDir = workDir;
    this.killOnExit = ChildProcesses.killOnExit(process, "redis-server-" + port);
  }

  /** Forks a new server on a free port and waits until it answers. */
  public static RedisServerProcess start() {
    Path binary = findBinary();
    IllegalStateException lastFailure = null;
    for (int attempt = 0; attempt < BIND_ATTEMPTS; attempt++) {
      try {
        return startOn(binary, freePort());
      } catch (PortTakenException e) {
        lastFailure = e;
      }
    }
    throw lastFailure;
  }

  public int port() {
    return port;
  }

  /** {@code redis://127.0.0.1:<port>}. */
  public String uri() {
    return "redis://127.0.0.1:" + port;
  }

  /** Deletes every key of every database. */
  public void flushAll() {
    String reply = command(port, "FLUSHALL");
    if (!"OK".equals(reply)) {
      throw new IllegalStateException("FLUSHALL on redis-server :" + port + " answered " + reply);
    }
  }

  /** Stops the server and waits for the process to exit. */
  @Override
  public void close() {
    ChildProcesses.stop(process, Duration.ofSeconds(10), killOnExit);
    deleteRecursively(workDir);
  }

  private static RedisServerProcess startOn(Path binary, int port) {
    Path workDir;
    try {
      workDir = Files.createTempDirectory("redis-server-" + port + "-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path log = workDir.resolve("redis.log");
    Process process;
    try {
      process =
          new ProcessBuilder(
                  List.of(
                      binary.toString(),
                      "--save",
                      "",
                      "--appendonly",
                      "no",
                      "--port",
                      Integer.toString(port),
                      "--bind",
                      "127.0.0.1",
                      "--daemonize",
                      "no",
                      "--dir",
                      workDir.toString()))
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
    } catch (IOException e) {
      deleteRecursively(workDir);
      throw new IllegalStateException("cannot run " + binary + ": " + e.getMessage(), e);
    }
    var server = new RedisServerProcess(process, port, workDir);
    try {
      await()
          .atMost(STARTUP_DEADLINE)
          .pollInterval(Duration.ofMillis(20))
          .until(() -> server.answersAsItself(log));
      return server;
    } catch (ConditionTimeoutException e) {
      String output = readQuietly(log);
      server.close();
      throw new IllegalStateException(
          "redis-server on port "
              + port
              + " did not answer within "
              + STARTUP_DEADLINE
              + ":\n"
              + output,
          e);
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
  }

  /**
   * True once our process answers on the port. Fails fast when the process has exited, telling a
   * lost race for the port apart from other failures.
   */
  private boolean answersAsItself(Path log) {
    if (!process.isAlive()) {
      String output = readQuietly(log);
      if (output.contains("Address already in use")) {
        throw new PortTakenException(port, output);
      }
      throw new IllegalStateException(
          "redis-server exited with " + process.exitValue() + " on port " + port + ":\n" + output);
    }
    String info;
    try {
      info = command(port, "INFO", "server");
    } catch (UncheckedIOException notListeningYet) {
      return false;
    }
    if (!info.contains("process_id:" + process.pid() + "\r\n")) {
      // Someone else's server holds the port; ours will fail to bind and exit.
      return false;
    }
    return true;
  }

  private static Path findBinary() {
    if (Files.isExecutable(DEFAULT_BINARY)) {
      return DEFAULT_BINARY;
    }
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(File.pathSeparator)) {
        Path candidate = Path.of(dir, "redis-server");
        if (Files.isExecutable(candidate)) {
          return candidate;
        }
      }
    }
    throw new IllegalStateException(
        "redis-server not found at "
            + DEFAULT_BINARY
            + " nor on PATH; install it: apt-get install redis-server");
  }

  private static int freePort() {
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Sends one command in RESP and returns a simple or bulk reply as text; an error reply becomes an
   * {@link IllegalStateException}.
   */
  private static String command(int port, String... args) {
    try (var socket = new Socket()) {
      socket.connect(
          new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
          (int) SOCKET_TIMEOUT.toMillis());
      socket.setSoTimeout((int) SOCKET_TIMEOUT.toMillis());
      OutputStream out = socket.getOutputStream();
      var request = new StringBuilder("*").append(args.length).append("\r\n");
      for (String arg : args) {
        byte[] bytes = arg.getBytes(StandardCharsets.UTF_8);
        request.append('$').append(bytes.length).append("\r\n").append(arg).append("\r\n");
      }
      out.write(request.toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
      return readReply(new BufferedInputStream(socket.getInputStream()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String readReply(InputStream in) throws IOException {
    int kind = in.read();
    String line = readLine(in);
    return switch (kind) {
      case '+', ':' -> line;
      case '-' -> throw new IllegalStateException("redis error: " + line);
      case '$' -> {
        int length = Integer.parseInt(line);
        if (length < 0) {
          yield "";
        }
        byte[] body = in.readNBytes(length + 2);
        yield new String(body, 0, length, StandardCharsets.UTF_8);
      }
      default -> throw new IOException("unexpected redis reply type " + kind);
    };
  }

  private static String readLine(InputStream in) throws IOException {
    var line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != '\r') {
      if (b < 0) {
        throw new IOException("connection closed mid-reply");
      }
      line.write(b);
    }
    in.read(); // '\n'
    return line.toString(StandardCharsets.UTF_8);
  }

  private static String readQuietly(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "(no output: " + e.getMessage() + ")";
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class PortTakenException extends IllegalStateException {
    PortTakenException(int port, String output) {
      super("port " + port + " was taken before redis-server could bind it:\n" + output);
    }
  }
}
