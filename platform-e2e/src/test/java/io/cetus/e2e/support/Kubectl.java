package io.cetus.e2e.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The stock {@code kubectl} binary, pointed at the platform under test with its own kubeconfig and
 * discovery cache, so nothing of the developer's {@code ~/.kube} is read or written.
 */
public final class Kubectl {

  private static final String BINARY = System.getProperty("cetus.e2e.kubectl", "kubectl");
  private static final long TIMEOUT_SECONDS = 60;

  private final Path kubeconfig;
  private final Path cacheDir;

  Kubectl(Path kubeconfig, Path cacheDir) {
    this.kubeconfig = kubeconfig;
    this.cacheDir = cacheDir;
  }

  /** What one kubectl invocation printed and how it exited. */
  public record Result(int exitCode, String stdout, String stderr) {

    public boolean succeeded() {
      return exitCode == 0;
    }

    /** The stdout lines, for table assertions. */
    public List<String> lines() {
      return stdout.lines().toList();
    }
  }

  /** Runs {@code kubectl args...} to completion, with stdin from {@code input} (may be null). */
  public Result run(String... args) {
    return runWithInput(null, args);
  }

  public Result runWithInput(String input, String... args) {
    try {
      Process process = start(args);
      CompletableFuture<String> stdout = readAll(process.getInputStream());
      CompletableFuture<String> stderr = readAll(process.getErrorStream());
      try (var stdin = process.getOutputStream()) {
        if (input != null) {
          stdin.write(input.getBytes(StandardCharsets.UTF_8));
        }
      }
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("kubectl " + String.join(" ", args) + " did not finish");
      }
      return new Result(process.exitValue(), stdout.join(), stderr.join());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Runs and fails the test, showing kubectl's error, unless the command succeeds. */
  public String ok(String... args) {
    Result result = run(args);
    if (!result.succeeded()) {
      throw new AssertionError(
          "kubectl "
              + String.join(" ", args)
              + " exited "
              + result.exitCode()
              + ":\n"
              + result.stderr()
              + result.stdout());
    }
    return result.stdout();
  }

  /** {@code kubectl apply -n NAMESPACE -f -} of this manifest; fails the test unless it works. */
  public String apply(String namespace, String manifest) {
    Result result = runWithInput(manifest, "apply", "-n", namespace, "-f", "-");
    if (!result.succeeded()) {
      throw new AssertionError(
          "kubectl apply exited " + result.exitCode() + ":\n" + result.stderr() + manifest);
    }
    return result.stdout();
  }

  /** {@code kubectl get RESOURCE -n NAMESPACE -o jsonpath=EXPRESSION}. */
  public String jsonpath(String namespace, String resource, String expression) {
    return ok("get", resource, "-n", namespace, "-o", "jsonpath=" + expression);
  }

  /** Starts a long-running kubectl (e.g. {@code get -w}); its stdout lines arrive in a queue. */
  public Streaming stream(String... args) {
    try {
      Process process = start(args);
      BlockingQueue<String> lines = new LinkedBlockingQueue<>();
      Thread.ofVirtual()
          .start(
              () -> {
                try (var reader =
                    new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                  reader.lines().forEach(lines::add);
                } catch (IOException | UncheckedIOException e) {
                  // the process was stopped: no more lines
                }
              });
      return new Streaming(process, lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A kubectl that keeps printing; close it to stop it. */
  public record Streaming(Process process, BlockingQueue<String> lines) implements AutoCloseable {

    /** Every line printed so far (does not wait). */
    public List<String> printed() {
      return List.copyOf(lines);
    }

    @Override
    public void close() {
      process.destroy();
    }
  }

  private Process start(String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(BINARY);
    command.add("--kubeconfig=" + kubeconfig);
    command.add("--cache-dir=" + cacheDir);
    command.addAll(List.of(args));
    return new ProcessBuilder(command).start();
  }

  private static CompletableFuture<String> readAll(java.io.InputStream stream) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        },
        command -> Thread.ofVirtual().start(command));
  }
}
