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
 * A controller service ({@code scheduler-service}, {@code replication-service}, ...) as a child
 * process: {@code java -jar} of a copy of the jar its module built, on a free port of {@code
 * 127.0.0.1}, against the object store and Redis a test owns ({@code --platform.api-url}, {@code
 * --platform.redis-url}).
 *
 * <p>Contract: {@link #start} returns once {@code /actuator/health} answers 200 with this replica
 * leading (its informers synced and controllers running), or fails with {@link
 * IllegalStateException} carrying the tail of the process's log (kept under {@code
 * target/<module>-logs/} of the module running the test) if it exits or is not healthy within 90
 * seconds. {@link #close()} stops the process and waits for it; a process a test forgets is killed
 * when the JVM exits. Extra arguments are Spring Boot command-line properties.
 *
 * <pre>{@code
 * var replication = ControllerServiceProcess.start(
 *     "replication-service", store.baseUrl(), redis.uri(), "--platform.leader-election.lease-duration=3s");
 * }</pre>
 */
public final class ControllerServiceProcess implements AutoCloseable {

  private static final Duration STARTUP_DEADLINE = Duration.ofSeconds(90);

  private final String module;
  private final Process process;
  private final int port;
  private final Path log;
  private final Path jarCopy;
  private final Thread killOnExit;

  private ControllerServiceProcess(
      String module, Process process, int port, Path log, Path jarCopy) {
    this.module = module;
    this.process = process;
    this.port = port;
    this.log = log;
    this.jarCopy = jarCopy;
    this.killOnExit = new Thread(process::destroyForcibly, module + "-" + port + "-reaper");
    Runtime.getRuntime().addShutdownHook(killOnExit);
  }

  /**
   * Starts {@code module}'s jar against the object store and Redis given, and waits until it leads.
   */
  public static ControllerServiceProcess start(
      String module, String apiUrl, String redisUri, String... properties) {
    // Run a copy: a running JVM loads classes from its jar lazily, and a rebuild of the module
    // while the tests run would otherwise pull the classes from under it.
    Path jar = copyOf(module, RepositoryLayout.serviceJar(module));
    int port = freePort();
    Path log = logFile(module, port);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k"));
    command.addAll(
        List.of(
            "-jar",
            jar.toString(),
            "--server.port=" + port,
            "--platform.api-url=" + apiUrl,
            "--platform.redis-url=" + redisUri));
    command.addAll(List.of(properties));
    Process process;
    try {
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
    } catch (IOException e) {
      deleteQuietly(jar);
      throw new IllegalStateException("cannot run " + String.join(" ", command), e);
    }
    var service = new ControllerServiceProcess(module, process, port, log, jar);
    try {
      service.awaitLeading();
      return service;
    } catch (RuntimeException e) {
      service.close();
      throw e;
    }
  }

  /** {@code http://127.0.0.1:<port>}: its actuator endpoints. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port;
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

  private void awaitLeading() {
    long deadline = System.nanoTime() + STARTUP_DEADLINE.toNanos();
    HttpRequest health =
        HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
            .timeout(Duration.ofSeconds(2))
            .build();
    try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          throw new IllegalStateException(
              module + " exited with " + process.exitValue() + ":\n" + tail());
        }
        try {
          HttpResponse<String> answer = http.send(health, HttpResponse.BodyHandlers.ofString());
          if (answer.statusCode() == 200 && answer.body().contains("\"role\":\"leader\"")) {
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
      throw new IllegalStateException("interrupted while " + module + " started", e);
    }
    throw new IllegalStateException(
        module + " was not healthy within " + STARTUP_DEADLINE + ":\n" + tail());
  }

  private String tail() {
    String output = output();
    return output.length() > 6000 ? output.substring(output.length() - 6000) : output;
  }

  private static Path copyOf(String module, Path jar) {
    try {
      Path copy = Files.createTempFile(module + "-", ".jar");
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

  private static Path logFile(String module, int port) {
    try {
      Path dir = Path.of(System.getProperty("user.dir"), "target", module + "-logs");
      Files.createDirectories(dir);
      return dir.resolve(module + "-" + port + ".log");
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
