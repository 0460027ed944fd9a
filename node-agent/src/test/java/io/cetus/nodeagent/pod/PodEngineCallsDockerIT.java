package io.cetus.nodeagent.pod;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cetus.api.core.ConfigMap;
import io.cetus.api.core.Event;
import io.cetus.api.core.Pod;
import io.cetus.api.core.Secret;
import io.cetus.api.json.Json;
import io.cetus.client.ObjectClient;
import io.cetus.controller.event.EventRecorder;
import io.cetus.controller.reconcile.Request;
import io.cetus.nodeagent.probe.ProbeManager;
import io.cetus.nodeagent.runtime.ContainerStatus;
import io.cetus.nodeagent.runtime.RuntimeUnavailableException;
import io.cetus.nodeagent.runtime.docker.DockerContainerRuntime;
import io.cetus.nodeagent.runtime.docker.DockerRuntimeProperties;
import io.cetus.nodeagent.runtime.docker.EngineCalls;
import io.cetus.testsupport.client.FakeApiClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * How many requests the agent sends to the Docker engine for a pod, counted on the real engine: pod
 * startup latency on Docker is the agent's engine round trips (each one waits behind the engine's
 * locks), and fewer concurrent calls also keep clear of Docker 20.10's store-lock deadlock.
 * Behaviour, not timings: the bounds are the calls the reconciler needs, so a change that adds
 * lists or inspects to every pod fails here. Skipped when no engine answers or the pause image is
 * missing.
 */
class PodEngineCallsDockerIT {

  private static final Logger log = LoggerFactory.getLogger(PodEngineCallsDockerIT.class);
  private static final String IMAGE = "cetus/pause:1";
  private static final String NS = "default";
  private static final DockerRuntimeProperties PROPERTIES = DockerRuntimeProperties.defaults();

  /**
   * Starting a pod of one container: list the pod's containers; create, start and inspect the
   * sandbox; check the image, create, start and inspect the container.
   */
  private static final int START_CALLS = 8;

  /** A resync of a running pod that did not change: one list of its containers. */
  private static final int RESYNC_CALLS = 1;

  private static @Nullable String unavailable;

  @TempDir Path stateDir;

  private final String node = "it-calls-" + UUID.randomUUID().toString().substring(0, 8);
  private final FakeApiClient api = new FakeApiClient();
  private final ObjectClient<Pod> pods = api.forType(Pod.class);
  private final ManualProbeScheduler probeTicks = new ManualProbeScheduler();
  private final EngineCalls calls = new EngineCalls();
  private DockerContainerRuntime runtime;

  @BeforeAll
  static void checkForAnEngineWithTheImage() {
    try (DockerContainerRuntime runtime =
        new DockerContainerRuntime(PROPERTIES, Clock.systemUTC())) {
      runtime.fingerprint();
      if (!runtime.hasImage(IMAGE)) {
        unavailable = "image " + IMAGE + " is missing: run scripts/airgap-images.sh";
      }
    } catch (RuntimeUnavailableException e) {
      unavailable = "no Docker engine answers at " + PROPERTIES.host() + ": " + e.getMessage();
    }
  }

  @BeforeEach
  void createRuntime() {
    assumeTrue(unavailable == null, unavailable);
    runtime = calls.runtime(PROPERTIES, Clock.systemUTC());
  }

  @AfterEach
  void removeEverything() {
    if (runtime != null) {
      runtime.list(Map.of(PodContainers.NODE, node)).forEach(c -> runtime.destroy(c.id(), true));
      runtime.close();
    }
  }

  @Test
  void startingAOneContainerPodAndResyncingItTakeFewEngineCalls() {
    PodReconciler reconciler = reconciler(runtime);
    // The first pod of an agent also finds the network and opens the event stream.
    Pod first = create("first");
    reconciler.reconcile(Request.of(first));
    assertThat(live(first).status().phase()).isEqualTo("Running");

    calls.reset();
    Pod pod = create("counted");
    reconciler.reconcile(Request.of(pod));
    Map<String, Integer> start = calls.byCommand();
    Pod running = live(pod);

    calls.reset();
    reconciler.reconcile(Request.of(pod));
    Map<String, Integer> resync = calls.byCommand();

    log.info("Engine calls to start a pod: {}; to resync it: {}", start, resync);
    assertThat(running.status().phase()).isEqualTo("Running");
    assertThat(running.status().podIP()).isNotBlank();
    assertThat(running.status().containerStatuses())
        .singleElement()
        .satisfies(status -> assertThat(status.state().running()).isNotNull());
    assertThat(total(start))
        .as("engine calls to start a pod: %s", start)
        .isLessThanOrEqualTo(START_CALLS);
    assertThat(total(resync))
        .as("engine calls to resync it: %s", resync)
        .isLessThanOrEqualTo(RESYNC_CALLS);
    assertThat(live(pod).metadata().resourceVersion())
        .as("an unchanged pod is not written again")
        .isEqualTo(running.metadata().resourceVersion());
  }

  @Test
  void aRestartedAgentAdoptsTheRunningPodWithoutStartingAnything() {
    Pod pod = create("adopted");
    reconciler(runtime).reconcile(Request.of(pod));
    List<String> before = containerIds(pod);
    Pod running = live(pod);
    assertThat(running.status().phase()).isEqualTo("Running");

    try (DockerContainerRuntime restarted =
        new DockerContainerRuntime(PROPERTIES, Clock.systemUTC())) {
      reconciler(restarted).reconcile(Request.of(pod));
    }

    assertThat(containerIds(pod)).containsExactlyInAnyOrderElementsOf(before);
    assertThat(live(pod).metadata().resourceVersion())
        .isEqualTo(running.metadata().resourceVersion());
  }

  private PodReconciler reconciler(DockerContainerRuntime engine) {
    EnvResolver env = new EnvResolver(api.forType(ConfigMap.class), api.forType(Secret.class));
    return new PodReconciler(
        new AgentSettings(node, "127.0.0.1", "cetus", IMAGE),
        new LiveLister<>(pods),
        pods,
        engine,
        env,
        new PodVolumes(stateDir, env),
        new EventRecorder(api.forType(Event.class), Clock.systemUTC(), "kubelet", node),
        new ProbeManager(engine, probeTicks, ProbeManager.IGNORE),
        Clock.systemUTC());
  }

  private Pod create(String name) {
    Pod pod =
        Json.yaml()
            .readValue(
                """
                metadata: {name: %s, namespace: %s}
                spec:
                  nodeName: %s
                  terminationGracePeriodSeconds: 1
                  containers: [{name: app, image: "%s"}]
                """
                    .formatted(name, NS, node, IMAGE),
                Pod.class);
    return pods.create(pod);
  }

  private Pod live(Pod pod) {
    return pods.get(NS, pod.metadata().name()).orElseThrow();
  }

  private List<String> containerIds(Pod pod) {
    return runtime.list(Map.of(PodContainers.POD_UID, pod.metadata().uid())).stream()
        .map(ContainerStatus::id)
        .toList();
  }

  private static int total(Map<String, Integer> counts) {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }
}
