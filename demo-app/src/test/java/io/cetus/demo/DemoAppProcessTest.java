package io.cetus.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Runs the application as its own process, to check how it starts and ends. */
class DemoAppProcessTest {

  private static final Pattern LISTENING = Pattern.compile("listening on port (\\d+)");

  private Process process;
  private final List<String> output = new CopyOnWriteArrayList<>();

  @AfterEach
  void kill() {
    if (process != null) {
      process.destroyForcibly();
    }
  }

  @Test
  void sigtermEndsTheProcessWithCodeZeroPromptly() throws Exception {
    int port = launch(Map.of());
    assertThat(Http.get(port, "/health").statusCode()).isEqualTo(200);

    // SIGTERM; Process.destroy() would also close the output stream we read the log line from.
    process.toHandle().destroy();

    assertThat(process.waitFor(5, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isZero();
    await().atMost(Duration.ofSeconds(5)).until(() -> output.contains("shutting down on SIGTERM"));
  }

  @Test
  void exitEndpointEndsTheProcessWithTheRequestedCode() throws Exception {
    int port = launch(Map.of());

    assertThat(Http.get(port, "/exit?code=7").body()).isEqualTo("exiting with code 7\n");

    assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(7);
  }

  @Test
  void exitAfterSecondsEndsTheProcessOnItsOwnWithExitCode() throws Exception {
    launch(Map.of("EXIT_AFTER_SECONDS", "1", "EXIT_CODE", "3"));

    assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(3);
  }

  @Test
  void malformedPortEndsTheProcessWithCodeTwoNamingTheVariable() throws Exception {
    start(Map.of("PORT", "eighty"));

    assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(DemoApp.BAD_SETTINGS);
    await().atMost(Duration.ofSeconds(5)).until(() -> String.join("\n", output).contains("PORT"));
  }

  /** Starts the application on a free port and returns that port once it listens. */
  private int launch(Map<String, String> env) {
    Map<String, String> withPort = new HashMap<>(env);
    withPort.put("PORT", "0");
    start(withPort);
    return await().atMost(Duration.ofSeconds(20)).until(this::listeningPort, port -> port > 0);
  }

  private int listeningPort() {
    for (String line : output) {
      Matcher matcher = LISTENING.matcher(line);
      if (matcher.find()) {
        return Integer.parseInt(matcher.group(1));
      }
    }
    return 0;
  }

  private void start(Map<String, String> env) {
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                classesDirectory(),
                DemoApp.class.getName())
            .redirectErrorStream(true);
    builder.environment().putAll(env);
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread.ofPlatform()
        .daemon()
        .start(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                lines.lines().forEach(output::add);
              } catch (IOException | UncheckedIOException e) {
                // the process ended
              }
            });
  }

  private static String classesDirectory() {
    try {
      return Path.of(DemoApp.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
