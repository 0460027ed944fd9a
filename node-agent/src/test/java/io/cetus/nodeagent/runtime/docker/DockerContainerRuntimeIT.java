package io.cetus.nodeagent.runtime.docker;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import io.cetus.nodeagent.runtime.ContainerHandle;
import io.cetus.nodeagent.runtime.ContainerNotFoundException;
import io.cetus.nodeagent.runtime.ContainerRuntime;
import io.cetus.nodeagent.runtime.ContainerRuntimeContract;
import io.cetus.nodeagent.runtime.ContainerSpec;
import io.cetus.nodeagent.runtime.ContainerState;
import io.cetus.nodeagent.runtime.ContainerStatus;
import io.cetus.nodeagent.runtime.ExecRequest;
import io.cetus.nodeagent.runtime.ExitResult;
import io.cetus.nodeagent.runtime.Ipv4Cidr;
import io.cetus.nodeagent.runtime.NetworkInfo;
import io.cetus.nodeagent.runtime.NetworkMode;
import io.cetus.nodeagent.runtime.NetworkSpec;
import io.cetus.nodeagent.runtime.PortMapping;
import io.cetus.nodeagent.runtime.Resources;
import io.cetus.nodeagent.runtime.RuntimeUnavailableException;

import com.github.dockerjava.api.exception.NotFoundException;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Docker runtime against the real engine: the runtime contract, plus what only a real engine
 * shows (HTTP through published ports, a pod of joined containers, the OOM rule). Skipped, with the
 * reason, when no engine answers or the air-gapped images are missing.
 */
@Tag("docker")
class DockerContainerRuntimeIT extends ContainerRuntimeContract {

  private static final String PAUSE_IMAGE = "cetus/pause:1";
  private static final String PROXY_IMAGE = "cetus/proxy:0.1.0";
  private static final List<String> IMAGES = List.of(IMAGE, DEMO_IMAGE, PAUSE_IMAGE, PROXY_IMAGE);
  private static final DockerRuntimeProperties PROPERTIES =
      DockerRuntimeProperties.defaults().withPullTimeout(Duration.ofSeconds(60));
  private static final Duration DEADLINE = Duration.ofSeconds(60);

  /** Every test's run label, so what a crashed test left behind is removed after the class. */
  private static final Set<String> RUNS = ConcurrentHashMap.newKeySet();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** Why the tests cannot run here, or null if they can. */
  private static String unavailable;

  @BeforeAll
  static void checkForAnEngineWithTheAirGappedImages() {
    try (DockerContainerRuntime probe = new DockerContainerRuntime(PROPERTIES, Clock.systemUTC())) {
      probe.fingerprint();
    } catch (RuntimeUnavailableException e) {
      unavailable =
          "no Docker engine answers at "
              + PROPERTIES.host()
              + " ("
              + e.getMessage()
              + "); skipping the Docker runtime tests";
      return;
    }
    try (var client =
        DockerContainerRuntime.dockerClient(PROPERTIES, PROPERTIES.requestTimeout())) {
      for (String image : IMAGES) {
        try {
          client.inspectImageCmd(image).exec();
        } catch (NotFoundException e) {
          unavailable = "image " + image + " is missing: run scripts/airgap-images.sh";
          return;
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @AfterAll
  static void removeLeftovers() {
    if (RUNS.isEmpty()) {
      return;
    }
    try (DockerContainerRuntime runtime =
        new DockerContainerRuntime(PROPERTIES, Clock.systemUTC())) {
      for (String run : RUNS) {
        for (ContainerStatus container : runtime.list(Map.of(RUN_LABEL, run))) {
          runtime.destroy(container.id(), true);
        }
      }
    }
  }

  @Override
  protected ContainerRuntime newRuntime() {
    assumeTrue(unavailable == null, unavailable);
    RUNS.add(runId);
    return new DockerContainerRuntime(PROPERTIES, Clock.systemUTC());
  }

  @Test
  void publishedPortServesHttpOnTheNode() {
    ContainerHandle handle =
        runtime.start(
            ContainerSpec.builder(name("http"), DEMO_IMAGE)
                .label(TEST_LABEL, "true")
                .label(RUN_LABEL, runId)
                .port(PortMapping.tcp(8080, "127.0.0.1", 0))
                .init(true)
                .build());
    int hostPort = runtime.inspect(handle.containerId()).hostPort(8080);

    await()
        .atMost(DEADLINE)
        .ignoreExceptions()
        .untilAsserted(() -> assertThat(get(hostPort, "/health").statusCode()).isEqualTo(200));
  }

  @Test
  void podOfASandboxAndJoinedContainersServesThroughTheSandboxsPort() {
    network("pod");
    ContainerHandle sandbox =
        runtime.start(
            ContainerSpec.builder(name("sandbox"), PAUSE_IMAGE)
                .label(TEST_LABEL, "true")
                .label(RUN_LABEL, runId)
                .network(NetworkMode.named(name("pod")))
                .port(PortMapping.tcp(80, "127.0.0.1", 0))
                .build());
    NetworkMode pod = NetworkMode.joinContainer(sandbox.containerId());
    runtime.start(
        ContainerSpec.builder(name("echo"), DEMO_IMAGE)
            .label(TEST_LABEL, "true")
            .label(RUN_LABEL, runId)
            .network(pod)
            .init(true)
            .build());
    runtime.start(
        ContainerSpec.builder(name("proxy"), PROXY_IMAGE)
            .label(TEST_LABEL, "true")
            .label(RUN_LABEL, runId)
            .network(pod)
            .env("BACKEND_HOST", "localhost:8080")
            .init(true)
            .build());
    int hostPort = runtime.inspect(sandbox.containerId()).hostPort(80);

    // The proxy on :80 forwards to the echo container's :8080 over the pod's localhost; both
    // carry the sandbox's hostname, which Docker sets to its short id.
    await()
        .atMost(DEADLINE)
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              HttpResponse<String> response = get(hostPort, "/hostname");
              assertThat(response.statusCode()).isEqualTo(200);
              assertThat(response.body().strip()).isEqualTo(sandbox.containerId().substring(0, 12));
            });
  }

  @Test
  void sigkillAfterTheGracePeriodIsNotAnOomKill() {
    // sleep as PID 1 ignores SIGTERM (no init), so the stop ends with SIGKILL: exit 137 under a
    // memory limit, but without an oom event.
    ContainerHandle handle =
        runtime.start(
            spec("sigkill", SLEEP).init(false).resources(Resources.memoryLimit(64L << 20)).build());

    runtime.stop(handle.containerId(), Duration.ofSeconds(1));

    ExitResult exit = result(runtime.awaitExit(handle.containerId()));
    assertThat(exit.exitCode()).isEqualTo(137);
    assertThat(exit.oomKilled()).isFalse();
  }

  @Test
  void changesMadeBehindTheRuntimesBackShowInInspectAndList() {
    ContainerHandle handle = runtime.start(spec("behind", SLEEP).build());
    String id = handle.containerId();
    // Answered from what the start's inspect kept, from now on.
    assertThat(runtime.inspect(id).running()).isTrue();

    try (var docker =
        DockerContainerRuntime.dockerClient(PROPERTIES, PROPERTIES.requestTimeout())) {
      docker.killContainerCmd(id).exec();
      await().atMost(DEADLINE).until(() -> runtime.inspect(id).state() == ContainerState.EXITED);
      assertThat(runtime.list(Map.of(RUN_LABEL, runId)))
          .singleElement()
          .satisfies(listed -> assertThat(listed.state()).isEqualTo(ContainerState.EXITED));

      docker.startContainerCmd(id).exec();
      await().atMost(DEADLINE).until(() -> runtime.inspect(id).running());
      assertThat(runtime.list(Map.of(RUN_LABEL, runId)))
          .singleElement()
          .satisfies(listed -> assertThat(listed.running()).isTrue());

      docker.removeContainerCmd(id).withForce(true).exec();
      await()
          .atMost(DEADLINE)
          .until(
              () -> {
                try {
                  runtime.inspect(id);
                  return false;
                } catch (ContainerNotFoundException e) {
                  return true;
                }
              });
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void execOnATerminalDeliversOneStream() {
    ContainerHandle handle = runtime.start(spec("tty", SLEEP).build());
    Collected output = new Collected();

    var session =
        runtime.exec(
            handle.containerId(),
            new ExecRequest(List.of("sh", "-c", "echo out; echo err >&2"), false, true),
            output);

    assertThat(result(session.exitCode())).isZero();
    assertThat(output.stdout()).contains("out").contains("err");
    assertThat(output.stderr()).isEmpty();
    session.close();
  }

  @Test
  void agentsSharingTheEngineCreateOneNetworkWithTheSubnetWhenTheyRace() throws Exception {
    String name = name("race");
    NetworkSpec spec =
        new NetworkSpec(
            name, Map.of(TEST_LABEL, "true", RUN_LABEL, runId), testSubnet().toString(), null);
    List<DockerContainerRuntime> agents = new ArrayList<>();
    try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 4; i++) {
        agents.add(new DockerContainerRuntime(PROPERTIES, Clock.systemUTC()));
      }
      List<CompletableFuture<NetworkInfo>> racing = new ArrayList<>();
      CountDownLatch go = new CountDownLatch(1);
      for (DockerContainerRuntime agent : agents) {
        for (int thread = 0; thread < 2; thread++) {
          racing.add(
              CompletableFuture.supplyAsync(
                  () -> {
                    awaitQuietly(go);
                    return agent.ensureNetwork(spec);
                  },
                  threads));
        }
      }
      go.countDown();

      List<String> ids = new ArrayList<>();
      for (CompletableFuture<NetworkInfo> future : racing) {
        ids.add(future.get(60, TimeUnit.SECONDS).id());
      }
      assertThat(ids).containsOnly(ids.getFirst());
      try (var client =
          DockerContainerRuntime.dockerClient(PROPERTIES, PROPERTIES.requestTimeout())) {
        assertThat(client.listNetworksCmd().withNameFilter(name).exec())
            .filteredOn(network -> name.equals(network.getName()))
            .singleElement()
            .satisfies(
                network ->
                    assertThat(network.getIpam().getConfig().getFirst().getSubnet())
                        .isEqualTo(spec.subnet()));
      }
    } finally {
      agents.forEach(DockerContainerRuntime::close);
      runtime.removeNetwork(name);
    }
  }

  @Test
  void anExistingNetworkOfAnotherSubnetIsUsedAndTheLogSaysHowToFixIt() {
    Ipv4Cidr theirs = testSubnet();
    NetworkInfo existing =
        network("theirs", new NetworkSpec(name("theirs"), Map.of(), theirs.toString(), null));
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    Logger logger = (Logger) LoggerFactory.getLogger(DockerContainerRuntime.class);
    logged.start();
    logger.addAppender(logged);
    try {
      NetworkSpec ours =
          new NetworkSpec(
              name("theirs"), Map.of(), new Ipv4Cidr(theirs.base() ^ 1 << 16, 24).toString(), null);

      NetworkInfo used = runtime.ensureNetwork(ours);
      runtime.ensureNetwork(ours);

      assertThat(used.id()).isEqualTo(existing.id());
      assertThat(used.subnet()).isEqualTo(theirs.toString());
      assertThat(logged.list)
          .filteredOn(event -> event.getLevel() == Level.WARN)
          .singleElement()
          .extracting(ILoggingEvent::getFormattedMessage)
          .asString()
          .contains(
              "Docker network " + name("theirs") + " exists with subnet " + theirs,
              "not the configured subnet " + ours.subnet(),
              "cluster IPs",
              "may not be reachable",
              "docker network rm " + name("theirs"));
    } finally {
      logger.detachAppender(logged);
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private HttpResponse<String> get(int port, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(5))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
