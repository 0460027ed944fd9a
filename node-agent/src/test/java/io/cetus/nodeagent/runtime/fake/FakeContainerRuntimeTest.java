package io.cetus.nodeagent.runtime.fake;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.cetus.nodeagent.runtime.ContainerHandle;
import io.cetus.nodeagent.runtime.ContainerRuntime;
import io.cetus.nodeagent.runtime.ContainerRuntimeContract;
import io.cetus.nodeagent.runtime.ContainerSpec;
import io.cetus.nodeagent.runtime.ContainerStatus;
import io.cetus.nodeagent.runtime.ExecResult;
import io.cetus.nodeagent.runtime.ExecStartException;
import io.cetus.nodeagent.runtime.ExitResult;
import io.cetus.nodeagent.runtime.ImagePullException;
import io.cetus.nodeagent.runtime.ImagePullPolicy;
import io.cetus.nodeagent.runtime.LogOptions;
import io.cetus.testsupport.time.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The fake passes the runtime contract. It is taught here what the contract's shell commands do,
 * the way the busybox shell in the real image does them; the tests below it cover what only the
 * fake offers (scripted exits, pull counts, the clock).
 */
class FakeContainerRuntimeTest extends ContainerRuntimeContract {

  private static final Pattern EXIT = Pattern.compile("exit (\\d+)");
  private static final Pattern ECHO_TO_PID1 = Pattern.compile("echo (\\S+) > /proc/1/fd/([12])");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
  private FakeContainerRuntime fake;

  @Override
  protected ContainerRuntime newRuntime() {
    fake = new FakeContainerRuntime(clock).addImage(IMAGE, DEMO_IMAGE);
    teachTheContractsCommands(fake);
    return fake;
  }

  private void teachTheContractsCommands(FakeContainerRuntime runtime) {
    runtime
        .onStart(
            spec -> spec.command().equals(PRINT_GREETING),
            process ->
                process.stdout(
                    "GREETING=" + process.spec().env().getOrDefault("GREETING", "") + "\n"))
        .onStart(
            spec -> spec.command().equals(PRINT_LINES),
            process -> process.stdout("one\ntwo\nthree\n"))
        .onStart(
            spec ->
                shellScript(spec.command()) != null
                    && EXIT.matcher(shellScript(spec.command())).matches(),
            process -> {
              Matcher exit = EXIT.matcher(shellScript(process.spec().command()));
              exit.matches();
              process.exit(Integer.parseInt(exit.group(1)));
            })
        .onStart(
            spec -> spec.command().equals(EAT_MEMORY) && spec.resources().hasMemoryLimit(),
            FakeProcess::oomKill)
        .onStart(
            spec -> spec.command().equals(GREET_STDIN_LINE),
            process ->
                Thread.ofVirtual()
                    .start(
                        () -> {
                          String line =
                              new java.io.BufferedReader(
                                      new java.io.InputStreamReader(
                                          process.stdin(), StandardCharsets.UTF_8))
                                  .lines()
                                  .findFirst()
                                  .orElse("");
                          process.stdout("got " + line + "\n");
                          process.stderr("bye\n");
                          process.exit(4);
                        }))
        .scriptExec(FAILING_COMMAND, new ExecResult(3, "out\n", "err\n"))
        .onExec(
            CAT::equals,
            exec -> {
              exec.stdout(exec.stdin().readAllBytes());
              return 0;
            })
        .onExec(
            command ->
                shellScript(command) != null
                    && ECHO_TO_PID1.matcher(shellScript(command)).matches(),
            exec -> {
              Matcher echo = ECHO_TO_PID1.matcher(shellScript(exec.command()));
              echo.matches();
              if (echo.group(2).equals("1")) {
                exec.container().stdout(echo.group(1) + "\n");
              } else {
                exec.container().stderr(echo.group(1) + "\n");
              }
              return 0;
            })
        .onExec(
            FETCH_ENV_ON_LOCALHOST::equals,
            exec -> {
              // The demo app listens on 8080 in its network namespace: reachable on localhost
              // from any container sharing that namespace.
              String owner = runtime.networkNamespaceOwner(exec.container().containerId());
              ContainerSpec server = runtime.process(owner).spec();
              if (!server.image().equals(DEMO_IMAGE)) {
                exec.stderr("wget: can't connect to remote host (127.0.0.1): Connection refused\n");
                return 1;
              }
              new TreeMap<>(server.env()).forEach((k, v) -> exec.stdout(k + "=" + v + "\n"));
              return 0;
            });
  }

  private static String shellScript(List<String> command) {
    return command.size() == 3 && command.get(0).equals("sh") && command.get(1).equals("-c")
        ? command.get(2)
        : null;
  }

  @Test
  void presentImageIsNeverPulledUnderIfNotPresent() {
    runtime.start(spec("no-pull", SLEEP).build());

    assertThat(fake.pullCount(IMAGE)).isZero();
  }

  @Test
  void pullableImageIsPulledOnceThenPresent() {
    fake.allowPull("registry.example/app");
    ContainerSpec.Builder spec =
        ContainerSpec.builder(name("pulled"), "registry.example/app")
            .label(RUN_LABEL, runId)
            .pullPolicy(ImagePullPolicy.IF_NOT_PRESENT);

    runtime.start(spec.build());
    runtime.start(spec.build());

    assertThat(fake.pullCount("registry.example/app:latest")).isEqualTo(1);
    assertThat(fake.hasImage("registry.example/app:latest")).isTrue();
  }

  @Test
  void withEveryImageAnyImageRunsAndPullsSucceed() {
    fake.addEveryImage();

    runtime.start(
        ContainerSpec.builder(name("never"), MISSING_IMAGE)
            .label(RUN_LABEL, runId)
            .pullPolicy(ImagePullPolicy.NEVER)
            .build());
    runtime.start(
        ContainerSpec.builder(name("always"), "registry.example/other:2")
            .label(RUN_LABEL, runId)
            .pullPolicy(ImagePullPolicy.ALWAYS)
            .build());

    assertThat(fake.pullCount(MISSING_IMAGE)).isZero();
    assertThat(fake.pullCount("registry.example/other:2")).isEqualTo(1);
    assertThat(fake.hasImage("anything/at-all:7")).isTrue();
  }

  @Test
  void failedPullIsCountedAndRetryable() {
    ContainerSpec spec = ContainerSpec.builder(name("unpullable"), MISSING_IMAGE).build();

    assertThatThrownBy(() -> runtime.start(spec))
        .isInstanceOfSatisfying(ImagePullException.class, e -> assertThat(e.retryable()).isTrue());
    assertThat(fake.pullCount(MISSING_IMAGE)).isEqualTo(1);
  }

  @Test
  void crashEndsARunningContainerWithTheGivenCode() {
    ContainerHandle handle = runtime.start(spec("crash", SLEEP).build());
    clock.advance(Duration.ofSeconds(5));

    fake.crash(handle.containerId(), 2);

    ExitResult exit = result(runtime.awaitExit(handle.containerId()));
    assertThat(exit.exitCode()).isEqualTo(2);
    assertThat(exit.oomKilled()).isFalse();
    assertThat(exit.finishedAt()).isEqualTo(handle.startedAt().plusSeconds(5));
  }

  @Test
  void oomKillLooksLikeTheKernelsOomKiller() {
    ContainerHandle handle = runtime.start(spec("oom-kill", SLEEP).build());

    fake.oomKill(handle.containerId());

    ContainerStatus status = runtime.inspect(handle.containerId());
    assertThat(status.exitCode()).isEqualTo(137);
    assertThat(status.oomKilled()).isTrue();
  }

  @Test
  void containerIgnoringSigtermIsKilledByTheStop() {
    ContainerHandle handle = runtime.start(spec("stubborn", SLEEP).init(false).build());
    fake.process(handle.containerId()).ignoreSigterm();

    runtime.stop(handle.containerId(), Duration.ofSeconds(30));

    assertThat(result(runtime.awaitExit(handle.containerId())).exitCode()).isEqualTo(137);
  }

  @Test
  void timesComeFromTheInjectedClock() {
    ContainerHandle handle = runtime.start(spec("clock", SLEEP).build());
    clock.advance(Duration.ofMinutes(1));
    fake.appendLog(handle.containerId(), "later");

    assertThat(handle.startedAt()).isEqualTo(Instant.parse("2026-11-22T10:00:00Z"));
    assertThat(logs(handle.containerId(), LogOptions.all().withTimestamps(true)))
        .isEqualTo("2026-11-22T10:01:00.000000000Z later\n");
    assertThat(
            logs(
                handle.containerId(),
                LogOptions.all().withSinceTime(Instant.parse("2026-11-22T10:00:30Z"))))
        .isEqualTo("later\n");
  }

  @Test
  void unscriptedExecFailsAsAMissingBinaryDoes() {
    ContainerHandle handle = runtime.start(spec("unscripted", SLEEP).build());

    assertThatThrownBy(
            () -> runtime.exec(handle.containerId(), List.of("ls", "/"), Duration.ofSeconds(5)))
        .isInstanceOf(ExecStartException.class)
        .hasMessageContaining("executable file not found");
  }
}
