package io.cetus.nodeagent.runtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The behaviour every {@link ContainerRuntime} shares, run against the fake ({@code
 * FakeContainerRuntimeTest}) and the Docker engine ({@code DockerContainerRuntimeIT}), as Nomad's
 * {@code DriverHarness} runs any driver.
 *
 * <p>The workloads are real commands for the image's busybox shell; the fake's test teaches the
 * fake what each one does. Every container and network a test creates carries {@link #TEST_LABEL}
 * and a label unique to the test, and is removed after it, even when it fails.
 */
public abstract class ContainerRuntimeContract {

  public static final String TEST_LABEL = "io.cetus.test";
  public static final String RUN_LABEL = "io.cetus.test.run";

  /** Present on the engine only (built by scripts/airgap-images.sh): no registry can serve it. */
  public static final String IMAGE = "cetus/jre:25";

  public static final String DEMO_IMAGE = "cetus/demo-app:0.1.0";

  /** On a reserved top-level domain, so no registry can ever serve it. */
  public static final String MISSING_IMAGE = "registry.invalid/cetus/missing:1";

  public static final List<String> SLEEP = List.of("sleep", "3600");
  public static final List<String> PRINT_GREETING =
      List.of("sh", "-c", "echo \"GREETING=$GREETING\"; exec sleep 3600");
  public static final List<String> PRINT_LINES =
      List.of("sh", "-c", "echo one; echo two; echo three; exec sleep 3600");
  public static final List<String> EAT_MEMORY = List.of("sh", "-c", "tail /dev/zero");
  public static final List<String> FAILING_COMMAND =
      List.of("sh", "-c", "echo out; echo err >&2; exit 3");
  public static final List<String> CAT = List.of("cat");
  public static final List<String> GREET_STDIN_LINE =
      List.of("sh", "-c", "read line; echo \"got $line\"; echo bye >&2; exit 4");
  public static final List<String> MISSING_BINARY = List.of("no-such-binary");
  public static final List<String> FETCH_ENV_ON_LOCALHOST =
      List.of("wget", "-qO-", "http://localhost:8080/env");

  /** Exits at once with this code. */
  public static List<String> exitWith(int code) {
    return List.of("sh", "-c", "exit " + code);
  }

  /** Run by exec: writes a line to the container's own stdout (PID 1's), so it is logged. */
  public static List<String> printToContainerStdout(String line) {
    return List.of("sh", "-c", "echo " + line + " > /proc/1/fd/1");
  }

  private static final Duration DEADLINE = Duration.ofSeconds(60);

  protected final String runId = UUID.randomUUID().toString().substring(0, 8);
  private final List<String> networks = new ArrayList<>();
  protected ContainerRuntime runtime;

  /**
   * A fresh runtime for one test; closed after it. An implementation whose engine is absent aborts
   * the test here with a JUnit assumption that says why.
   */
  protected abstract ContainerRuntime newRuntime();

  @BeforeEach
  void createRuntime() {
    runtime = newRuntime();
  }

  @AfterEach
  void removeWhatTheTestCreated() {
    if (runtime == null) {
      return; // aborted before it had a runtime
    }
    try {
      for (ContainerStatus container : runtime.list(Map.of(RUN_LABEL, runId))) {
        runtime.destroy(container.id(), true);
      }
      for (String network : networks) {
        runtime.removeNetwork(network);
      }
    } finally {
      runtime.close();
    }
  }

  /** A container of this test running {@code command} in {@link #IMAGE} under an init process. */
  protected ContainerSpec.Builder spec(String base, List<String> command) {
    return ContainerSpec.builder(name(base), IMAGE)
        .command(command)
        .init(true)
        .label(TEST_LABEL, "true")
        .label(RUN_LABEL, runId);
  }

  protected String name(String base) {
    return "cetus-test-" + base + "-" + runId;
  }

  /** A network of this test, removed after it. */
  protected NetworkInfo network(String base) {
    String name = name(base);
    networks.add(name);
    return runtime.ensureNetwork(name, Map.of(TEST_LABEL, "true", RUN_LABEL, runId));
  }

  /** A network of this test with the spec's addresses (and the test's labels), removed after it. */
  protected NetworkInfo network(String base, NetworkSpec spec) {
    networks.add(name(base));
    Map<String, String> labels = new LinkedHashMap<>(spec.labels());
    labels.put(TEST_LABEL, "true");
    labels.put(RUN_LABEL, runId);
    return runtime.ensureNetwork(
        new NetworkSpec(name(base), labels, spec.subnet(), spec.ipRange()));
  }

  /**
   * A /24 of its own for a test's network: Docker refuses a subnet that overlaps another network's,
   * and the engine may be shared, so it is picked at random in 10.100.0.0 - 10.199.255.0 (the
   * platform's own default is 10.242.0.0/16).
   */
  public static Ipv4Cidr testSubnet() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return new Ipv4Cidr(10 << 24 | random.nextInt(100, 200) << 16 | random.nextInt(256) << 8, 24);
  }

  @Test
  void startRunsTheContainerWithItsEnvCommandAndLabels() {
    ContainerSpec spec =
        spec("env", PRINT_GREETING).env("GREETING", "hello").label("app", "demo").build();

    ContainerHandle handle = runtime.start(spec);

    ContainerStatus status = runtime.inspect(handle.containerId());
    assertThat(status.state()).isEqualTo(ContainerState.RUNNING);
    assertThat(status.id()).isEqualTo(handle.containerId());
    assertThat(status.name()).isEqualTo(spec.name());
    assertThat(status.image()).isEqualTo(IMAGE);
    assertThat(status.labels()).containsEntry("app", "demo").containsEntry(RUN_LABEL, runId);
    assertThat(status.startedAt()).isNotNull();
    assertThat(status.exitCode()).isNull();
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () ->
                assertThat(logs(handle.containerId(), LogOptions.all()))
                    .contains("GREETING=hello\n"));
  }

  @Test
  void startIsIdempotentOnTheName() {
    ContainerSpec spec = spec("twice", SLEEP).build();

    ContainerHandle first = runtime.start(spec);
    ContainerHandle second = runtime.start(spec);

    assertThat(second.containerId()).isEqualTo(first.containerId());
    assertThat(runtime.list(Map.of(RUN_LABEL, runId))).hasSize(1);
  }

  @Test
  void startOfAFinishedContainerReturnsItWithoutRunningItAgain() {
    ContainerSpec spec = spec("finished", exitWith(0)).build();
    ContainerHandle first = runtime.start(spec);
    ExitResult exit = result(runtime.awaitExit(first.containerId()));

    ContainerHandle second = runtime.start(spec);

    assertThat(second.containerId()).isEqualTo(first.containerId());
    ContainerStatus status = runtime.inspect(second.containerId());
    assertThat(status.state()).isEqualTo(ContainerState.EXITED);
    assertThat(status.finishedAt()).isEqualTo(exit.finishedAt());
  }

  @Test
  void presentImageStartsUnderIfNotPresentAndNeverWithoutAPull() {
    // IMAGE exists on the engine only: had either start tried to pull it, it would have failed.
    ContainerHandle ifNotPresent =
        runtime.start(spec("present", SLEEP).pullPolicy(ImagePullPolicy.IF_NOT_PRESENT).build());
    ContainerHandle never =
        runtime.start(spec("never", SLEEP).pullPolicy(ImagePullPolicy.NEVER).build());

    assertThat(runtime.inspect(ifNotPresent.containerId()).running()).isTrue();
    assertThat(runtime.inspect(never.containerId()).running()).isTrue();
  }

  @Test
  void missingImageThatCannotBePulledFailsWithImagePullException() {
    ContainerSpec spec =
        ContainerSpec.builder(name("pull"), MISSING_IMAGE)
            .label(RUN_LABEL, runId)
            .pullPolicy(ImagePullPolicy.IF_NOT_PRESENT)
            .build();

    assertThatThrownBy(() -> runtime.start(spec))
        .isInstanceOfSatisfying(
            ImagePullException.class, e -> assertThat(e.image()).isEqualTo(MISSING_IMAGE));
    assertThat(runtime.list(Map.of(RUN_LABEL, runId))).isEmpty();
  }

  @Test
  void alwaysPullsEvenAPresentImageAndFailsWhenThePullDoes() {
    ContainerSpec spec = spec("always", SLEEP).pullPolicy(ImagePullPolicy.ALWAYS).build();

    assertThatThrownBy(() -> runtime.start(spec)).isInstanceOf(ImagePullException.class);
    assertThat(runtime.list(Map.of(RUN_LABEL, runId))).isEmpty();
  }

  @Test
  void missingImageUnderNeverFailsWithoutPulling() {
    ContainerSpec spec =
        ContainerSpec.builder(name("never-missing"), MISSING_IMAGE)
            .label(RUN_LABEL, runId)
            .pullPolicy(ImagePullPolicy.NEVER)
            .build();

    assertThatThrownBy(() -> runtime.start(spec)).isInstanceOf(ImageNotPresentException.class);
  }

  @Test
  void exitCodeIsReportedByAwaitExitAndInspect() {
    ContainerHandle handle = runtime.start(spec("exit", exitWith(7)).build());

    ExitResult exit = result(runtime.awaitExit(handle.containerId()));

    assertThat(exit.exitCode()).isEqualTo(7);
    assertThat(exit.oomKilled()).isFalse();
    assertThat(exit.successful()).isFalse();
    ContainerStatus status = runtime.inspect(handle.containerId());
    assertThat(status.state()).isEqualTo(ContainerState.EXITED);
    assertThat(status.exitCode()).isEqualTo(7);
    assertThat(status.oomKilled()).isFalse();
    assertThat(status.finishedAt()).isNotNull().isAfterOrEqualTo(status.startedAt());
    assertThat(status.ipAddress()).isNull();
    // Waiting again on an exited container answers at once.
    assertThat(result(runtime.awaitExit(handle.containerId()))).isEqualTo(exit);
  }

  @Test
  void successfulExitIsCompleted() {
    ContainerHandle handle = runtime.start(spec("zero", exitWith(0)).build());

    ExitResult exit = result(runtime.awaitExit(handle.containerId()));

    assertThat(exit.successful()).isTrue();
  }

  @Test
  void stopSendsSigtermAndTheContainerExitsLongBeforeTheGracePeriod() {
    ContainerHandle handle = runtime.start(spec("stop", SLEEP).init(true).build());
    CompletableFuture<ExitResult> exit = runtime.awaitExit(handle.containerId());

    // A SIGKILL would only come after ten minutes: an exit before the deadline is SIGTERM's.
    CompletableFuture<Void> stopping =
        CompletableFuture.runAsync(
            () -> runtime.stop(handle.containerId(), Duration.ofMinutes(10)));

    assertThat(result(exit).exitCode()).isEqualTo(143);
    result(stopping);
    assertThat(runtime.inspect(handle.containerId()).state()).isEqualTo(ContainerState.EXITED);
    // Stopping what is not running does nothing.
    runtime.stop(handle.containerId(), Duration.ofSeconds(1));
  }

  @Test
  void destroyRemovesTheContainer() {
    ContainerHandle handle = runtime.start(spec("destroy", SLEEP).build());

    runtime.destroy(handle.containerId(), true);

    assertThatThrownBy(() -> runtime.inspect(handle.containerId()))
        .isInstanceOf(ContainerNotFoundException.class);
    assertThatThrownBy(() -> runtime.awaitExit(handle.containerId()))
        .isInstanceOf(ContainerNotFoundException.class);
    assertThat(runtime.list(Map.of(RUN_LABEL, runId))).isEmpty();
    runtime.destroy(handle.containerId(), true);
  }

  @Test
  void destroyOfARunningContainerCompletesItsAwaitedExit() {
    ContainerHandle handle = runtime.start(spec("destroy-awaited", SLEEP).build());
    CompletableFuture<ExitResult> exit = runtime.awaitExit(handle.containerId());

    runtime.destroy(handle.containerId(), true);

    assertThat(result(exit).exitCode()).isEqualTo(137);
  }

  @Test
  void destroyWithoutForceRefusesARunningContainer() {
    ContainerHandle handle = runtime.start(spec("no-force", SLEEP).build());

    assertThatThrownBy(() -> runtime.destroy(handle.containerId(), false))
        .isInstanceOf(ContainerRuntimeException.class)
        .isNotInstanceOf(ContainerNotFoundException.class);

    assertThat(runtime.inspect(handle.containerId()).running()).isTrue();
    runtime.stop(handle.containerId(), Duration.ofSeconds(10));
    runtime.destroy(handle.containerId(), false);
    assertThat(runtime.list(Map.of(RUN_LABEL, runId))).isEmpty();
  }

  @Test
  void listByLabelsFindsOnlyTheMatchingContainers() {
    ContainerHandle a = runtime.start(spec("list-a", SLEEP).label("role", "a").build());
    ContainerHandle b = runtime.start(spec("list-b", exitWith(0)).label("role", "b").build());

    assertThat(runtime.list(Map.of(RUN_LABEL, runId, "role", "a")))
        .extracting(ContainerStatus::id)
        .containsExactly(a.containerId());
    assertThat(runtime.list(Map.of(RUN_LABEL, runId)))
        .extracting(ContainerStatus::id)
        .containsExactlyInAnyOrder(a.containerId(), b.containerId());
    assertThat(runtime.list(Map.of(RUN_LABEL, "another-run"))).isEmpty();
  }

  @Test
  void execReturnsOutputAndExitCode() {
    ContainerHandle handle = runtime.start(spec("exec", SLEEP).build());

    ExecResult result = runtime.exec(handle.containerId(), FAILING_COMMAND, DEADLINE);

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.stdout()).isEqualTo("out\n");
    assertThat(result.stderr()).isEqualTo("err\n");
  }

  @Test
  void execOfAMissingBinaryCannotStart() {
    ContainerHandle handle = runtime.start(spec("exec-missing", SLEEP).build());
    Collected output = new Collected();

    ExecSession session =
        runtime.exec(handle.containerId(), ExecRequest.of(MISSING_BINARY), output);

    assertThatThrownBy(() -> session.exitCode().get(DEADLINE.toSeconds(), TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(ExecStartException.class)
        .hasMessageContaining("executable file not found");
    assertThat(output.stdout() + output.stderr()).isEmpty();
    assertThatThrownBy(() -> runtime.exec(handle.containerId(), MISSING_BINARY, DEADLINE))
        .isInstanceOf(ExecStartException.class);
  }

  @Test
  void hasImageAnswersWithoutPullingAndAnImageNoRegistryServesCannotBePulled() {
    assertThat(runtime.hasImage(IMAGE)).isTrue();
    assertThat(runtime.hasImage(MISSING_IMAGE)).isFalse();
    assertThatThrownBy(() -> runtime.pullImage(MISSING_IMAGE))
        .isInstanceOf(ImagePullException.class);
  }

  @Test
  void attachDeliversTheMainProcessOutputTakesStdinAndEndsWithItsExit() throws Exception {
    ContainerHandle handle = runtime.start(spec("attach", GREET_STDIN_LINE).stdin(true).build());
    Collected output = new Collected();

    ExecSession session =
        runtime.attach(handle.containerId(), new AttachRequest(true, true, true), output);
    session.stdin().write("hello\n".getBytes(StandardCharsets.UTF_8));
    session.stdin().flush();

    assertThat(session.exitCode().get(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isEqualTo(4);
    assertThat(output.stdout()).isEqualTo("got hello\n");
    assertThat(output.stderr()).isEqualTo("bye\n");
  }

  @Test
  void detachingLeavesTheContainerRunning() {
    ContainerHandle handle = runtime.start(spec("detach", SLEEP).build());

    ExecSession session =
        runtime.attach(handle.containerId(), new AttachRequest(false, true, true), new Collected());
    session.close();

    assertThat(runtime.inspect(handle.containerId()).state()).isEqualTo(ContainerState.RUNNING);
    assertThatThrownBy(() -> session.exitCode().get(DEADLINE.toSeconds(), TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class);
  }

  @Test
  void attachingToAnExitedContainerFails() {
    ContainerHandle handle = runtime.start(spec("attach-exited", exitWith(0)).build());
    runtime.awaitExit(handle.containerId()).join();

    assertThatThrownBy(
            () ->
                runtime.attach(
                    handle.containerId(), new AttachRequest(false, true, true), new Collected()))
        .isInstanceOf(ContainerRuntimeException.class)
        .hasMessageContaining("not running");
  }

  @Test
  void execStreamsStdinAndTheProcessSeesEndOfFile() throws IOException {
    ContainerHandle handle = runtime.start(spec("stdin", SLEEP).build());
    Collected output = new Collected();

    ExecSession session =
        runtime.exec(handle.containerId(), new ExecRequest(CAT, true, false), output);
    session.stdin().write("hello\nworld\n".getBytes(StandardCharsets.UTF_8));
    session.stdin().close();

    assertThat(result(session.exitCode())).isZero();
    assertThat(output.stdout()).isEqualTo("hello\nworld\n");
    session.close();
  }

  @Test
  void execInAContainerThatIsNotRunningFails() {
    ContainerHandle handle = runtime.start(spec("exec-exited", exitWith(0)).build());
    result(runtime.awaitExit(handle.containerId()));

    assertThatThrownBy(() -> runtime.exec(handle.containerId(), FAILING_COMMAND, DEADLINE))
        .isInstanceOf(ContainerRuntimeException.class)
        .isNotInstanceOf(ContainerNotFoundException.class);
  }

  @Test
  void logsReturnWhatTheContainerPrinted() {
    ContainerHandle handle = runtime.start(spec("logs", PRINT_LINES).build());
    String id = handle.containerId();
    await().atMost(DEADLINE).until(() -> logs(id, LogOptions.all()).equals("one\ntwo\nthree\n"));
    runtime.exec(id, List.of("sh", "-c", "echo oops > /proc/1/fd/2"), DEADLINE);

    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> assertThat(logs(id, LogOptions.all())).isEqualTo("one\ntwo\nthree\noops\n"));
    assertThat(logs(id, LogOptions.all().withTailLines(2))).isEqualTo("three\noops\n");
    assertThat(logs(id, LogOptions.all().withLimitBytes(5L))).isEqualTo("one\nt");
    List<String> stamped = logs(id, LogOptions.all().withTimestamps(true)).lines().toList();
    assertThat(stamped).hasSize(4);
    for (String line : stamped) {
      assertThat(line).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z .+");
      assertThat(Instant.parse(line.substring(0, line.indexOf(' '))))
          .isAfterOrEqualTo(runtime.inspect(id).startedAt().minusSeconds(1));
    }
  }

  @Test
  void followingLogsDeliversNewLinesUntilTheContainerStops() throws IOException {
    ContainerHandle handle = runtime.start(spec("follow", PRINT_LINES).build());
    String id = handle.containerId();
    await().atMost(DEADLINE).until(() -> logs(id, LogOptions.all()).endsWith("three\n"));
    List<String> lines = new CopyOnWriteArrayList<>();
    AtomicBoolean ended = new AtomicBoolean();

    try (InputStream stream =
        runtime.logs(id, LogOptions.all().withFollow(true).withTailLines(1))) {
      Thread.ofVirtual().start(() -> readLines(stream, lines, ended));
      await().atMost(DEADLINE).until(() -> lines.equals(List.of("three")));

      runtime.exec(id, printToContainerStdout("four"), DEADLINE);

      await().atMost(DEADLINE).until(() -> lines.equals(List.of("three", "four")));
      runtime.stop(id, Duration.ofSeconds(30));
      await().atMost(DEADLINE).untilTrue(ended);
    }
  }

  @Test
  void memoryLimitExceededIsReportedAsOomKilled() {
    ContainerHandle handle =
        runtime.start(spec("oom", EAT_MEMORY).resources(Resources.memoryLimit(32L << 20)).build());

    ExitResult exit = result(runtime.awaitExit(handle.containerId()));

    assertThat(exit.oomKilled()).isTrue();
    assertThat(exit.exitCode()).isEqualTo(137);
    assertThat(exit.successful()).isFalse();
    assertThat(runtime.inspect(handle.containerId()).oomKilled()).isTrue();
  }

  @Test
  void containerJoiningAnothersNetworkNamespaceSharesItsAddressAndLocalhost() {
    network("pod");
    ContainerHandle owner =
        runtime.start(
            ContainerSpec.builder(name("owner"), DEMO_IMAGE)
                .label(TEST_LABEL, "true")
                .label(RUN_LABEL, runId)
                .network(NetworkMode.named(name("pod")))
                .env("ROLE", "backend")
                .init(true)
                .build());

    ContainerHandle joined =
        runtime.start(
            spec("joined", SLEEP).network(NetworkMode.joinContainer(owner.containerId())).build());

    String ownerIp = runtime.inspect(owner.containerId()).ipAddress();
    assertThat(ownerIp).isNotNull();
    assertThat(runtime.inspect(joined.containerId()).ipAddress()).isEqualTo(ownerIp);
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () ->
                assertThat(
                        runtime
                            .exec(joined.containerId(), FETCH_ENV_ON_LOCALHOST, DEADLINE)
                            .stdout())
                    .contains("ROLE=backend"));
  }

  @Test
  void publishedPortGetsAHostPortTheEnginePicks() {
    ContainerHandle handle =
        runtime.start(spec("ports", SLEEP).port(PortMapping.tcp(8080, "127.0.0.1", 0)).build());

    ContainerStatus status = runtime.inspect(handle.containerId());

    assertThat(status.hostPort(8080)).isNotNull().isPositive();
    assertThat(status.publishedPorts())
        .allSatisfy(
            port -> {
              assertThat(port.containerPort()).isEqualTo(8080);
              assertThat(port.hostIp()).isEqualTo("127.0.0.1");
            });
  }

  @Test
  void hostPortHeldByARunningContainerFailsTheNextStartAndIsFreedByItsExit() {
    ContainerHandle holder =
        runtime.start(spec("port-holder", SLEEP).port(PortMapping.tcp(80, "127.0.0.1", 0)).build());
    int hostPort = runtime.inspect(holder.containerId()).hostPort(80);
    ContainerSpec.Builder contender =
        spec("port-contender", SLEEP).port(PortMapping.tcp(80, "127.0.0.1", hostPort));

    assertThatThrownBy(() -> runtime.start(contender.build()))
        .isInstanceOf(ContainerRuntimeException.class);
    assertThat(runtime.list(Map.of(RUN_LABEL, runId)))
        .extracting(ContainerStatus::id)
        .containsExactly(holder.containerId());

    runtime.stop(holder.containerId(), Duration.ofSeconds(30));
    ContainerHandle successor = runtime.start(contender.build());
    assertThat(runtime.inspect(successor.containerId()).hostPort(80)).isEqualTo(hostPort);
  }

  @Test
  void namedNetworkIsCreatedOnceAndGivesContainersAnAddress() {
    NetworkInfo first = network("net");
    NetworkInfo second = runtime.ensureNetwork(name("net"), Map.of(RUN_LABEL, runId));
    assertThat(second.id()).isEqualTo(first.id());

    ContainerHandle a =
        runtime.start(
            spec("net-a", SLEEP).network(NetworkMode.named(name("net"), "alias-a")).build());
    ContainerHandle b =
        runtime.start(spec("net-b", SLEEP).network(NetworkMode.named(name("net"))).build());

    String ipA = runtime.inspect(a.containerId()).ipAddress();
    String ipB = runtime.inspect(b.containerId()).ipAddress();
    assertThat(ipA).isNotNull();
    assertThat(ipB).isNotNull().isNotEqualTo(ipA);
  }

  @Test
  void networkWithASubnetGivesContainersAddressesFromItsIpRange() {
    Ipv4Cidr subnet = testSubnet();
    Ipv4Cidr ipRange = new Ipv4Cidr(subnet.base(), subnet.prefix() + 1);
    Ipv4Cidr upperHalf = new Ipv4Cidr(ipRange.at(ipRange.size() - 1) + 1, ipRange.prefix());

    NetworkInfo info =
        network(
            "subnet",
            new NetworkSpec(name("subnet"), Map.of(), subnet.toString(), ipRange.toString()));

    assertThat(info.subnet()).isEqualTo(subnet.toString());
    assertThat(info.ipRange()).isEqualTo(ipRange.toString());
    List<String> addresses = new ArrayList<>();
    for (String base : List.of("in-range-a", "in-range-b")) {
      ContainerHandle handle =
          runtime.start(spec(base, SLEEP).network(NetworkMode.named(name("subnet"))).build());
      addresses.add(runtime.inspect(handle.containerId()).ipAddress());
    }
    assertThat(addresses).doesNotHaveDuplicates().allMatch(ipRange::contains);
    assertThat(addresses).noneMatch(upperHalf::contains);
  }

  @Test
  void anExistingNetworkIsReturnedUnchangedWhateverSubnetIsAskedFor() {
    Ipv4Cidr subnet = testSubnet();
    NetworkInfo first =
        network("layout", new NetworkSpec(name("layout"), Map.of(), subnet.toString(), null));
    NetworkSpec other =
        new NetworkSpec(
            name("layout"),
            Map.of(TEST_LABEL, "true", RUN_LABEL, runId),
            new Ipv4Cidr(subnet.base() ^ 1 << 16, subnet.prefix()).toString(),
            null);

    NetworkInfo second = runtime.ensureNetwork(other);

    assertThat(second.id()).isEqualTo(first.id());
    assertThat(second.subnet()).isEqualTo(subnet.toString());
    assertThat(other.matches(second)).isFalse();
    assertThat(new NetworkSpec(name("layout"), Map.of(), subnet.toString(), null).matches(second))
        .isTrue();
  }

  @Test
  void startOnAMissingNetworkFailsAndLeavesNothing() {
    ContainerSpec spec = spec("no-net", SLEEP).network(NetworkMode.named(name("absent"))).build();

    assertThatThrownBy(() -> runtime.start(spec)).isInstanceOf(ContainerRuntimeException.class);
    assertThat(runtime.list(Map.of(RUN_LABEL, runId))).isEmpty();
  }

  @Test
  void recoverFindsTheContainerUntilItIsDestroyed() {
    ContainerHandle handle = runtime.start(spec("recover", SLEEP).build());

    assertThat(runtime.recover(handle))
        .hasValueSatisfying(
            recovered -> {
              assertThat(recovered.containerId()).isEqualTo(handle.containerId());
              assertThat(recovered.startedAt()).isEqualTo(handle.startedAt());
            });
    runtime.destroy(handle.containerId(), true);
    assertThat(runtime.recover(handle)).isEmpty();
  }

  @Test
  void unknownContainerIsNotFound() {
    String unknown = name("unknown");

    assertThatThrownBy(() -> runtime.inspect(unknown))
        .isInstanceOf(ContainerNotFoundException.class);
    assertThatThrownBy(() -> runtime.awaitExit(unknown))
        .isInstanceOf(ContainerNotFoundException.class);
    assertThatThrownBy(() -> runtime.stop(unknown, Duration.ofSeconds(1)))
        .isInstanceOf(ContainerNotFoundException.class);
    assertThatThrownBy(() -> runtime.exec(unknown, CAT, DEADLINE))
        .isInstanceOf(ContainerNotFoundException.class);
    assertThatThrownBy(() -> runtime.logs(unknown, LogOptions.all()))
        .isInstanceOf(ContainerNotFoundException.class);
    runtime.destroy(unknown, true);
  }

  @Test
  void fingerprintDescribesTheEngineAndTheMachine() {
    RuntimeInfo info = runtime.fingerprint();

    assertThat(info.runtimeName()).isEqualTo(runtime.name());
    assertThat(info.runtimeVersion()).isNotBlank();
    assertThat(info.containerRuntimeVersion()).startsWith(runtime.name() + "://");
    assertThat(info.osType()).isEqualTo("linux");
    assertThat(info.cpus()).isPositive();
    assertThat(info.memoryBytes()).isPositive();
  }

  /** Waits for a future with the test deadline and returns its value. */
  protected static <T> T result(CompletableFuture<T> future) {
    await().atMost(DEADLINE).until(future::isDone);
    return future.join();
  }

  /** Everything the container logged so far, as text. */
  protected String logs(String containerId, LogOptions options) {
    try (InputStream stream = runtime.logs(containerId, options)) {
      return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void readLines(InputStream stream, List<String> lines, AtomicBoolean ended) {
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lines.add(line);
      }
      ended.set(true);
    } catch (IOException e) {
      // closed by the test
    }
  }

  /** Collects exec output. */
  protected static final class Collected implements ExecOutput {
    public Collected() {}

    private final StringBuffer stdout = new StringBuffer();
    private final StringBuffer stderr = new StringBuffer();

    @Override
    public void stdout(byte[] bytes) {
      stdout.append(new String(bytes, StandardCharsets.UTF_8));
    }

    @Override
    public void stderr(byte[] bytes) {
      stderr.append(new String(bytes, StandardCharsets.UTF_8));
    }

    public String stdout() {
      return stdout.toString();
    }

    public String stderr() {
      return stderr.toString();
    }
  }
}
