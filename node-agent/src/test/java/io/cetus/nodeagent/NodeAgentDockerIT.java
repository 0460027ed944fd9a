package io.cetus.nodeagent;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cetus.api.core.ContainerStatus;
import io.cetus.api.core.Event;
import io.cetus.api.core.Pod;
import io.cetus.api.json.Json;
import io.cetus.client.ObjectClient;
import io.cetus.controller.ControllerManager;
import io.cetus.nodeagent.pod.AgentSettings;
import io.cetus.nodeagent.pod.ClusterNetwork;
import io.cetus.nodeagent.pod.PodAgent;
import io.cetus.nodeagent.pod.PodController;
import io.cetus.nodeagent.probe.ExecutorProbeScheduler;
import io.cetus.nodeagent.runtime.ContainerRuntimeContract;
import io.cetus.nodeagent.runtime.ContainerRuntimeException;
import io.cetus.nodeagent.runtime.ContainerSpec;
import io.cetus.nodeagent.runtime.ImageNotPresentException;
import io.cetus.nodeagent.runtime.ImagePullPolicy;
import io.cetus.nodeagent.runtime.RuntimeUnavailableException;
import io.cetus.nodeagent.runtime.docker.DockerContainerRuntime;
import io.cetus.nodeagent.runtime.docker.DockerRuntimeProperties;
import io.cetus.testsupport.client.FakeApiClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The agent's pod logic on the real Docker engine, with an in-memory API: the {@code pods}
 * controller runs as in the agent, and every container it makes is removed afterwards. Skipped when
 * no engine answers or the air-gapped images are missing.
 */
class NodeAgentDockerIT {

  private static final List<String> IMAGES =
      List.of("cetus/pause:1", "cetus/demo-app:0.1.0", "cetus/proxy:0.1.0");
  private static final DockerRuntimeProperties PROPERTIES = DockerRuntimeProperties.defaults();
  private static final Duration DEADLINE = Duration.ofSeconds(90);
  private static @Nullable String unavailable;

  @TempDir Path stateDir;

  private final String node = "it-" + UUID.randomUUID().toString().substring(0, 8);

  /** A network of this test's own, on a subnet of its own, removed after it. */
  private final String network = "cetus-" + node;

  private final FakeApiClient api = new FakeApiClient();
  private final ObjectClient<Pod> pods = api.forType(Pod.class);
  private DockerContainerRuntime runtime;
  private ExecutorProbeScheduler probes;
  private ControllerManager manager;

  @BeforeAll
  static void checkForAnEngineWithTheImages() {
    try (DockerContainerRuntime runtime =
        new DockerContainerRuntime(PROPERTIES, Clock.systemUTC())) {
      runtime.fingerprint();
      for (String image : IMAGES) {
        String name = "cetus-image-check-" + UUID.randomUUID();
        try {
          runtime.start(
              ContainerSpec.builder(name, image)
                  .pullPolicy(ImagePullPolicy.NEVER)
                  .command("true")
                  .label("io.cetus.test", "image-check")
                  .build());
        } catch (ImageNotPresentException e) {
          unavailable = "image " + image + " is missing: run scripts/airgap-images.sh";
          return;
        } catch (ContainerRuntimeException e) {
          // present, just not runnable with that command: enough to know
        } finally {
          runtime
              .list(Map.of("io.cetus.test", "image-check"))
              .forEach(c -> runtime.destroy(c.id(), true));
        }
      }
    } catch (RuntimeUnavailableException e) {
      unavailable = "no Docker engine answers at " + PROPERTIES.host() + ": " + e.getMessage();
    }
  }

  @BeforeEach
  void startAgent() throws Exception {
    assumeTrue(unavailable == null, unavailable);
    runtime = new DockerContainerRuntime(PROPERTIES, Clock.systemUTC());
    probes = new ExecutorProbeScheduler();
    PodAgent agent =
        PodController.create(
            new AgentSettings(node, "127.0.0.1", network, "cetus/pause:1")
                .withCluster(
                    // no cluster DNS runs here: pods keep Docker's resolver
                    new ClusterNetwork(
                        ContainerRuntimeContract.testSubnet().toString(),
                        null,
                        null,
                        ClusterNetwork.DEFAULT_CLUSTER_DOMAIN)),
            api,
            runtime,
            stateDir,
            probes,
            Clock.systemUTC(),
            reconciler -> reconciler);
    manager = new ControllerManager().add(agent.controller());
    manager.start(Duration.ofSeconds(10));
  }

  @AfterEach
  void removeEverything() {
    if (manager != null) {
      manager.stop();
    }
    if (probes != null) {
      probes.close();
    }
    if (runtime != null) {
      runtime.list(Map.of("io.cetus.node", node)).forEach(c -> runtime.destroy(c.id(), true));
      runtime.removeNetwork(network);
      runtime.close();
    }
  }

  @Test
  void simpleEchoRunsTwoOfTwoAndTheProxyReachesEchoOnLocalhost() throws Exception {
    Pod pod =
        Json.yaml().readValue(Files.readString(Path.of("../examples/simple-echo.yaml")), Pod.class);
    pods.create(
        pod.withMetadata(pod.metadata().withNamespace("default"))
            .withSpec(pod.spec().withNodeName(node)));

    await()
        .atMost(DEADLINE)
        .until(
            () -> {
              Pod live = pods.get("default", "simple-echo").orElseThrow();
              return "Running".equals(live.status().phase())
                  && live.status().containerStatuses().stream().allMatch(ContainerStatus::ready)
                  && live.status().containerStatuses().size() == 2;
            });

    Pod live = pods.get("default", "simple-echo").orElseThrow();
    assertThat(live.status().podIP()).isNotBlank();
    String sandbox =
        runtime.list(Map.of("io.cetus.node", node, "io.cetus.container", "POD")).getFirst().id();
    Integer proxyPort = runtime.inspect(sandbox).hostPort(80);
    assertThat(proxyPort).isNotNull();
    await()
        .atMost(DEADLINE)
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              HttpResponse<String> echo = get(proxyPort, "/echo?msg=through-the-proxy");
              assertThat(echo.statusCode()).isEqualTo(200);
              assertThat(echo.body()).contains("through-the-proxy");
            });
  }

  @Test
  void failingLivenessProbeRestartsTheContainer() throws Exception {
    pods.create(
        Json.yaml()
            .readValue(
                """
                metadata: {name: flaky, namespace: default}
                spec:
                  nodeName: %s
                  terminationGracePeriodSeconds: 2
                  containers:
                    - name: app
                      image: cetus/demo-app:0.1.0
                      imagePullPolicy: IfNotPresent
                      ports: [{containerPort: 8080}]
                      readinessProbe: {httpGet: {path: /ready, port: 8080}, periodSeconds: 1}
                      livenessProbe:
                        httpGet: {path: /healthy, port: 8080}
                        initialDelaySeconds: 3
                        periodSeconds: 1
                        failureThreshold: 2
                """
                    .formatted(node),
                Pod.class));
    await().atMost(DEADLINE).until(() -> app(pods.get("default", "flaky").orElseThrow()).ready());
    String sandbox =
        runtime.list(Map.of("io.cetus.node", node, "io.cetus.container", "POD")).getFirst().id();
    int port = runtime.inspect(sandbox).hostPort(8080);

    assertThat(get(port, "/switch/healthy?on=false").statusCode()).isEqualTo(200);

    await()
        .atMost(DEADLINE)
        .until(() -> app(pods.get("default", "flaky").orElseThrow()).restartCount() >= 1);
    assertThat(api.forType(Event.class).list("default").items())
        .extracting(Event::reason)
        .contains("Unhealthy", "Killing");
  }

  private static ContainerStatus app(Pod pod) {
    return pod.status().containerStatuses().stream()
        .filter(s -> s.name().equals("app"))
        .findFirst()
        .orElse(new ContainerStatus("app", null, null, false, 0, null, null, null, null));
  }

  private static HttpResponse<String> get(int port, String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
