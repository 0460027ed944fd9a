package io.cetus.testsupport.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The object store as a child process: {@code java -jar object-store-service-*.jar} on a free port
 * of {@code 127.0.0.1}, against the Redis a test owns.
 *
 * <p>Contract: {@link #start} returns once {@code GET /version} answers 200, or fails with {@link
 * IllegalStateException} carrying the tail of the process's log (kept under {@code
 * target/object-store-logs/} of the module running the test) if it exits or does not answer within
 * 90 seconds. {@link #close()} stops the process and waits for it; a process a test forgets is
 * killed when the JVM exits. Extra arguments are Spring Boot command-line properties, e.g. {@code
 * --platform.object-store.watch-history=0s}.
 *
 * <pre>{@code
 * redis = RedisServerProcess.start();
 * store = ObjectStoreProcess.start(redis.uri());
 * ApiClient api = ApiClient.create(store.baseUrl());
 * }</pre>
 */
public final class ObjectStoreProcess implements AutoCloseable {

  private static final String MODULE = "object-store-service";
  private static final Duration STARTUP_DEADLINE = Duration.ofSeconds(90);

  private final Process process;
  private final int port;
  private final Path log;
  private final Thread killOnExit;

  private final Path jarCopy;

  private ObjectStoreProcess(Process process, int port, Path log, Path jarCopy) {
    this.process = process;
    this.port = port;
    this.log = log;
    this.jarCopy = jarCopy;
    this.killOnExit = new Thread(process::destroyForcibly, "object-store-" + port + "-reaper");
    Runtime.getRuntime().addShutdownHook(killOnExit);
  }

  /** Starts the store against the Redis at {@code redisUri} and waits until it answers. */
  public static ObjectStoreProcess start(String redisUri, String... properties) {
    // Run a copy: a running JVM loads classes from its jar lazily, and a rebuild of the module
    // while the tests run would otherwise pull the classes from under it.
    Path jar = copyOf(RepositoryLayout.serviceJar(MODULE));
    int port = freePort();
    Path log = logFile(port);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k"));
    command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port));
    command.addAll(List.of(properties));
    Process process;
    try {
      var builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.redirectOutput(log.toFile());
      builder.environment().put("CETUS_REDIS_URL", redisUri);
      process = builder.start();
    } catch (IOException e) {
      deleteQuietly(jar);
      throw new IllegalStateException("cannot run " + String.join(" ", command), e);
    }
    var store = new ObjectStoreProcess(process, port, log, jar);
    try {
      store.awaitVersion();
      return store;
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /** {@code http://127.0.0.1:<port>}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** The process's output so far. */
  public String output() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no output: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    try {
      Runtime.getRuntime().removeShutdownHook(killOnExit);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs anyway
    }
    deleteQuietly(jarCopy);
  }

  private void awaitVersion() {
    long deadline = System.nanoTime() + STARTUP_DEADLINE.toNanos();
    try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
      HttpRequest version =
          HttpRequest.newBuilder(URI.create(baseUrl() + "/version"))
              .timeout(Duration.ofSeconds(2))
              .build();
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          throw new IllegalStateException(
              "the object store exited with " + process.exitValue() + ":\n" + tail());
        }
        try {
          if (http.send(version, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
            return;
          }
        } catch (IOException notYet) {
          // not listening yet
        }
        if (process.waitFor(200, TimeUnit.MILLISECONDS)) {
          continue; // exited: reported at the top of the loop
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the object store started", e);
    }
    throw new IllegalStateException(
        "the object store did not answer /version within " + STARTUP_DEADLINE + ":\n" + tail());
  }

  private String tail() {
    String output = output();
    return output.length() > 6000 ? output.substring(output.length() - 6000) : output;
  }

  private static Path copyOf(Path jar) {
    try {
      Path copy = Files.createTempFile(MODULE + "-", ".jar");
      Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
      copy.toFile().deleteOnExit();
      return copy;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + jar, e);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // a temp file; the JVM's exit removes it
    }
  }

  private static Path logFile(int port) {
    try {
      Path dir = Path.of(System.getProperty("user.dir"), "target", "object-store-logs");
      Files.createDirectories(dir);
      return dir.resolve("object-store-" + port + ".log");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int freePort() {
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
