package io.cetus.e2e.scheduler;

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

import io.cetus.testsupport.platform.RepositoryLayout;

/**
 * The scheduler-service as a child process ({@code java -jar} of a copy of its jar) on a free port,
 * against the object store and Redis a test owns. {@link #start} returns once its health reports
 * {@code UP} with its controllers running, or fails with the tail of its log (kept under {@code
 * target/scheduler-logs/}). A process a test forgets is killed when the JVM exits.
 */
final class SchedulerProcess implements AutoCloseable {

  private static final String MODULE = "scheduler-service";
  private static final Duration STARTUP_DEADLINE = Duration.ofSeconds(90);

  private final Process process;
  private final int port;
  private final Path log;
  private final Path jar;
  private final Thread killOnExit;

  private SchedulerProcess(Process process, int port, Path log, Path jar) {
    this.process = process;
    this.port = port;
    this.log = log;
    this.jar = jar;
    this.killOnExit = new Thread(process::destroyForcibly, "scheduler-" + port + "-reaper");
    Runtime.getRuntime().addShutdownHook(killOnExit);
  }

  static SchedulerProcess start(String apiUrl, String redisUri, String... properties) {
    Path jar = copyOf(RepositoryLayout.serviceJar(MODULE));
    int port = freePort();
    Path log = logFile(port);
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
      throw new IllegalStateException("cannot run " + String.join(" ", command), e);
    }
    var scheduler = new SchedulerProcess(process, port, log, jar);
    try {
      scheduler.awaitHealthy();
      return scheduler;
    } catch (RuntimeException e) {
      scheduler.close();
      throw e;
    }
  }

  String output() {
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
    try {
      Files.deleteIfExists(jar);
    } catch (IOException e) {
      // a temp file; removed when the JVM exits
    }
  }

  private void awaitHealthy() {
    long deadline = System.nanoTime() + STARTUP_DEADLINE.toNanos();
    HttpRequest health =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
            .timeout(Duration.ofSeconds(2))
            .build();
    try (HttpClient http = HttpClient.newHttpClient()) {
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          throw new IllegalStateException(
              "the scheduler exited with " + process.exitValue() + ":\n" + tail());
        }
        try {
          HttpResponse<String> answer = http.send(health, HttpResponse.BodyHandlers.ofString());
          if (answer.statusCode() == 200 && answer.body().contains("\"role\":\"leader\"")) {
            return;
          }
        } catch (IOException notYet) {
          // not listening yet
        }
        process.waitFor(200, TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the scheduler started", e);
    }
    throw new IllegalStateException(
        "the scheduler was not healthy within " + STARTUP_DEADLINE + ":\n" + tail());
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

  private static Path logFile(int port) {
    try {
      Path dir = Path.of(System.getProperty("user.dir"), "target", "scheduler-logs");
      Files.createDirectories(dir);
      return dir.resolve("scheduler-" + port + ".log");
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
