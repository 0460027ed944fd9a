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
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.cetus.testsupport.process.ChildProcesses;

/**
 * One of the platform's services as a child process: {@code java -jar} of a copy of the jar its
 * module built, on a free port of {@code 127.0.0.1}, its output in {@code target/<module>-logs/} of
 * the module running the test.
 *
 * <p>Contract: {@link #awaitAnswer} returns once the service answers as asked, or fails with {@link
 * IllegalStateException} carrying the tail of the log if the process exits or does not answer
 * within 90 seconds. {@link #close()} stops the process and waits for it; a process a test forgets
 * is killed when the JVM exits.
 */
final class ServiceJarProcess implements AutoCloseable {

  private static final Duration STARTUP_DEADLINE = Duration.ofSeconds(90);

  private final String module;
  private final Process process;
  private final int port;
  private final Path log;
  private final Path jarCopy;
  private final Thread killOnExit;

  private ServiceJarProcess(String module, Process process, int port, Path log, Path jarCopy) {
    this.module = module;
    this.process = process;
    this.port = port;
    this.log = log;
    this.jarCopy = jarCopy;
    this.killOnExit = ChildProcesses.killOnExit(process, module + "-" + port);
  }

  /** Starts {@code module}'s jar with these environment variables and Spring Boot arguments. */
  static ServiceJarProcess start(
      String module, Map<String, String> environment, List<String> arguments) {
    // Run a copy: a running JVM loads classes from its jar lazily, and a rebuild of the module
    // while the tests run would otherwise pull the classes from under it.
    Path jar = copyOf(module, RepositoryLayout.serviceJar(module));
    int port = freePort();
    Path log = logFile(module, port);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k"));
    command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port));
    command.addAll(arguments);
    try {
      var builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.redirectOutput(log.toFile());
      builder.environment().putAll(environment);
      return new ServiceJarProcess(module, builder.start(), port, log, jar);
    } catch (IOException e) {
      deleteQuietly(jar);
      throw new IllegalStateException("cannot run " + String.join(" ", command), e);
    }
  }

  int port() {
    return port;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** The process's output so far. */
  String output() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no output: " + e.getMessage() + ")";
    }
  }

  /**
   * Polls {@code GET path} until {@code ready} accepts the answer; {@code what} completes "did not
   * ..." in the failure message.
   */
  void awaitAnswer(String path, Predicate<HttpResponse<String>> ready, String what) {
    long deadline = System.nanoTime() + STARTUP_DEADLINE.toNanos();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(2)).build();
    try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          throw new IllegalStateException(
              module + " exited with " + process.exitValue() + ":\n" + tail());
        }
        try {
          if (ready.test(http.send(request, HttpResponse.BodyHandlers.ofString()))) {
            return;
          }
        } catch (IOException notYet) {
          // not listening yet
        }
        // waits between polls, and returns early when the process exits (reported above)
        process.waitFor(200, TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while " + module + " started", e);
    }
    throw new IllegalStateException(
        module + " did not " + what + " within " + STARTUP_DEADLINE + ":\n" + tail());
  }

  @Override
  public void close() {
    ChildProcesses.stop(process, Duration.ofSeconds(20), killOnExit);
    deleteQuietly(jarCopy);
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
