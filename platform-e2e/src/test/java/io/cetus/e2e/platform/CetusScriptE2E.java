package io.cetus.e2e.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.cetus.e2e.support.RepositoryRoot;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./cetus up} and {@code ./cetus down} as a newcomer uses them: up returns once the API
 * answers and writes a kubeconfig for the chosen port; down leaves no process behind. Runs its own
 * platform on ports of its own, next to the one the other end-to-end tests share.
 */
class CetusScriptE2E {

  private static final int PORT = 19080;
  private static final Path ROOT = RepositoryRoot.find();
  private static final Path STATE = ROOT.resolve("platform-e2e/target/cetus-script-e2e");
  private static final Map<String, String> ENVIRONMENT =
      Map.of(
          "CETUS_PORT", String.valueOf(PORT),
          "CETUS_PORT_BASE", String.valueOf(PORT + 11),
          "CETUS_STATE_DIR", STATE.toString(),
          "CETUS_NODE_PREFIX", "script-node-",
          "CETUS_KUBECONFIG", STATE.resolve("kubeconfig").toString());

  record Run(int exitCode, String output) {}

  @Test
  void upServesTheApiAndDownLeavesNoProcessBehind() throws Exception {
    Run up = cetus("up", "--nodes", "1");
    List<Long> pids;
    try {
      assertThat(up.exitCode()).as(up.output()).isZero();
      assertThat(up.output()).contains("the API answers on http://127.0.0.1:" + PORT);
      assertThat(Files.readString(STATE.resolve("kubeconfig")))
          .contains("server: http://127.0.0.1:" + PORT);
      Run version =
          run(
              List.of(
                  "kubectl",
                  "--kubeconfig=" + STATE.resolve("kubeconfig"),
                  "--cache-dir=" + STATE.resolve("kube"),
                  "get",
                  "namespace",
                  "default",
                  "-o",
                  "name"));
      assertThat(version.output()).contains("namespace/default");
      assertThat(cetus("status").output())
          .containsPattern("object-store-service\\s+running")
          .containsPattern("api-gateway\\s+running")
          .containsPattern("script-node-1\\s+running")
          .containsPattern("redis\\s+running");
      long agent = Long.parseLong(Files.readString(STATE.resolve("pids/script-node-1.pid")).trim());
      Run stop = cetus("node", "stop", "script-node-1");
      assertThat(stop.exitCode()).as(stop.output()).isZero();
      assertThat(runs(agent)).as("the killed agent %d runs", agent).isFalse();
      assertThat(cetus("status").output())
          .containsPattern("script-node-1\\s+stopped")
          .containsPattern("api-gateway\\s+running");
      Run start = cetus("node", "start", "script-node-1");
      assertThat(start.exitCode()).as(start.output()).isZero();
      assertThat(start.output()).contains("script-node-1 runs again");
      assertThat(cetus("status").output()).containsPattern("script-node-1\\s+running");
      pids = pids();
      assertThat(pids).hasSizeGreaterThanOrEqualTo(8);
    } finally {
      Run down = cetus("down");
      assertThat(down.exitCode()).as(down.output()).isZero();
    }
    for (long pid : pids) {
      assertThat(runs(pid)).as("process %d after down", pid).isFalse();
    }
    assertThat(pids()).isEmpty();
  }

  @Test
  void anUpThatFailsStopsWhatItStarted() throws Exception {
    Run up = cetusWith(Map.of("CETUS_START_TIMEOUT", "1"), "up", "--nodes", "0");

    assertThat(up.exitCode()).as(up.output()).isNotZero();
    assertThat(up.output()).contains("did not answer within 1s", "stopping what was started");
    assertThat(pids()).isEmpty();
  }

  @Test
  void badArgumentsAreRefusedWithAHint() throws Exception {
    Run nodes = cetus("up", "--nodes", "many");
    Run unknown = cetus("explode");
    Run unknownNode = cetus("node", "stop", "no-such-node");
    Run nodeUsage = cetus("node", "restart");

    assertThat(nodes.exitCode()).isNotZero();
    assertThat(nodes.output()).contains("--nodes takes a number");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.output()).contains("./cetus up", "./cetus down", "./cetus node stop NAME");
    assertThat(unknownNode.exitCode()).isNotZero();
    assertThat(unknownNode.output()).contains("unknown node 'no-such-node'");
    assertThat(nodeUsage.exitCode()).isNotZero();
    assertThat(nodeUsage.output()).contains("usage: ./cetus node stop|start NAME");
  }

  /** Whether the process runs: a killed one that no one has reaped yet (a zombie) does not. */
  private static boolean runs(long pid) throws IOException {
    Path stat = Path.of("/proc/" + pid + "/stat");
    if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) || !Files.exists(stat)) {
      return false;
    }
    String fields = Files.readString(stat);
    // pid (comm) state ...: the state follows the command's closing parenthesis
    return fields.charAt(fields.lastIndexOf(')') + 2) != 'Z';
  }

  private static List<Long> pids() throws IOException {
    Path dir = STATE.resolve("pids");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<Long> pids = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".pid")).toList()) {
        pids.add(Long.parseLong(Files.readString(file).trim()));
      }
    }
    return pids;
  }

  private static Run cetus(String... args) throws Exception {
    return cetusWith(Map.of(), args);
  }

  private static Run cetusWith(Map<String, String> extraEnvironment, String... args)
      throws Exception {
    List<String> command = new ArrayList<>();
    command.add("./cetus");
    command.addAll(List.of(args));
    return run(command, extraEnvironment);
  }

  private static Run run(List<String> command) throws Exception {
    return run(command, Map.of());
  }

  private static Run run(List<String> command, Map<String, String> extraEnvironment)
      throws Exception {
    Files.createDirectories(STATE);
    var builder = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
    builder.environment().putAll(ENVIRONMENT);
    builder.environment().putAll(extraEnvironment);
    Process process = builder.start();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not finish");
    }
    return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }
}
