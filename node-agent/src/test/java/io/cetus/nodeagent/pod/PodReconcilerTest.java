package io.cetus.nodeagent.pod;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cetus.api.core.ConfigMap;
import io.cetus.api.core.ContainerStatus;
import io.cetus.api.core.Event;
import io.cetus.api.core.Pod;
import io.cetus.api.core.PodCondition;
import io.cetus.api.core.Secret;
import io.cetus.api.json.Json;
import io.cetus.api.meta.Condition;
import io.cetus.api.meta.ObjectMeta;
import io.cetus.client.DeleteOptions;
import io.cetus.client.ObjectClient;
import io.cetus.controller.event.EventRecorder;
import io.cetus.controller.reconcile.Request;
import io.cetus.controller.reconcile.Result;
import io.cetus.nodeagent.probe.ProbeManager;
import io.cetus.nodeagent.runtime.ContainerRuntime;
import io.cetus.nodeagent.runtime.ExecResult;
import io.cetus.nodeagent.runtime.NetworkMode;
import io.cetus.nodeagent.runtime.fake.FakeContainerRuntime;
import io.cetus.testsupport.client.FakeApiClient;
import io.cetus.testsupport.time.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

class PodReconcilerTest {

  private static final String NODE = "node-1";
  private static final String NS = "default";

  @TempDir Path stateDir;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final FakeApiClient api = new FakeApiClient(clock);
  private final ObjectClient<Pod> podClient = api.forType(Pod.class);
  private final FakeContainerRuntime runtime =
      new FakeContainerRuntime(clock).addImage("cetus/pause:1", "app:1", "init:1");
  private final ManualProbeScheduler probeTicks = new ManualProbeScheduler();

  private PodReconciler newReconciler() {
    return newReconciler(runtime);
  }

  private PodReconciler newReconciler(ContainerRuntime engine) {
    EnvResolver env = new EnvResolver(api.forType(ConfigMap.class), api.forType(Secret.class));
    return new PodReconciler(
        new AgentSettings(NODE, "192.0.2.10", "cetus", "cetus/pause:1"),
        new LiveLister<>(podClient),
        podClient,
        engine,
        env,
        new PodVolumes(stateDir, env),
        new EventRecorder(api.forType(Event.class), clock, "kubelet", NODE),
        new ProbeManager(engine, probeTicks, ProbeManager.IGNORE),
        clock);
  }

  private PodReconciler reconciler;

  @BeforeEach
  void createReconciler() {
    reconciler = newReconciler();
  }

  @Test
  void podGoesRunningWithEveryContainerReadyInOneNetworkNamespace() {
    Pod pod =
        create(
            """
            metadata: {name: web}
            spec:
              nodeName: node-1
              containers:
                - {name: a, image: app:1, ports: [{containerPort: 80}]}
                - {name: b, image: app:1}
            """);

    reconcile(pod);

    Pod live = live(pod);
    assertThat(live.status().phase()).isEqualTo("Running");
    assertThat(live.status().hostIP()).isEqualTo("192.0.2.10");
    assertThat(live.status().podIP()).isNotBlank();
    assertThat(live.status().startTime()).isEqualTo(clock.instant());
    assertThat(live.status().containerStatuses())
        .extracting(ContainerStatus::name, ContainerStatus::ready, ContainerStatus::restartCount)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("a", true, 0),
            org.assertj.core.groups.Tuple.tuple("b", true, 0));
    assertThat(live.status().containerStatuses().getFirst().containerID()).startsWith("fake://");
    assertThat(condition(live, PodCondition.READY)).isEqualTo("True");
    assertThat(condition(live, PodCondition.CONTAINERS_READY)).isEqualTo("True");
    assertThat(condition(live, PodCondition.INITIALIZED)).isEqualTo("True");

    String sandbox = containerId(pod, "POD");
    assertThat(runtime.networkNamespaceOwner(containerId(pod, "a"))).isEqualTo(sandbox);
    assertThat(runtime.networkNamespaceOwner(containerId(pod, "b"))).isEqualTo(sandbox);
    assertThat(runtime.process(sandbox).spec().network()).isEqualTo(NetworkMode.named("cetus"));
    assertThat(runtime.inspect(sandbox).hostPort(80)).isNotNull();
    assertThat(runtime.process(containerId(pod, "a")).spec().labels())
        .containsEntry("io.cetus.node", NODE)
        .containsEntry("io.cetus.pod-uid", pod.metadata().uid())
        .containsEntry("io.cetus.container", "a");
    assertThat(eventReasons()).contains("Created", "Started");
  }

  @Test
  void unchangedPodIsNotWrittenAgain() {
    Pod pod = create(simplePod("Always"));
    reconcile(pod);
    String version = live(pod).metadata().resourceVersion();

    reconcile(pod);

    assertThat(live(pod).metadata().resourceVersion()).isEqualTo(version);
  }

  @Test
  void aStartListsThePodsContainersOnceAndAResyncOnlyListsThem() {
    RuntimeCalls calls = new RuntimeCalls();
    reconciler = newReconciler(calls.wrap(runtime));
    Pod pod = create(simplePod("Always"));

    reconcile(pod);
    assertThat(live(pod).status().phase()).isEqualTo("Running");
    assertThat(calls.of("list")).as("lists in %s", calls.byMethod()).isEqualTo(1);
    assertThat(calls.of("start")).isEqualTo(2);
    assertThat(calls.of("ensureNetwork")).isEqualTo(1);

    calls.reset();
    Pod second =
        create(
            """
            metadata: {name: second}
            spec:
              nodeName: node-1
              containers: [{name: app, image: "app:1"}]
            """);
    reconcile(second);
    assertThat(live(second).status().phase()).isEqualTo("Running");
    assertThat(calls.of("list")).isEqualTo(1);
    assertThat(calls.of("ensureNetwork")).as("the network is known after the first pod").isZero();

    calls.reset();
    reconcile(pod);
    assertThat(calls.byMethod().keySet())
        .as("a resync of a running pod: %s", calls.byMethod())
        .containsOnly("list", "name");
    assertThat(calls.of("list")).isEqualTo(1);
  }

  @Test
  void aDeadSandboxIsReplacedAndThePodsContainersRunInTheNewOne() {
    Pod pod = create(simplePod("Always"));
    reconcile(pod);
    String oldSandbox = containerId(pod, "POD");
    String oldApp = containerId(pod, "app");

    runtime.crash(oldSandbox, 0);
    reconcile(pod);

    String sandbox = containerId(pod, "POD");
    assertThat(sandbox).isNotEqualTo(oldSandbox);
    assertThat(runtime.inspect(sandbox).running()).isTrue();
    String app = containerId(pod, "app");
    assertThat(app).isNotEqualTo(oldApp);
    assertThat(runtime.networkNamespaceOwner(app)).isEqualTo(sandbox);
    assertThat(live(pod).status().phase()).isEqualTo("Running");
    assertThat(live(pod).status().podIP()).isEqualTo(runtime.inspect(sandbox).ipAddress());
    assertThat(appStatus(pod).containerID()).isEqualTo("fake://" + app);
    assertThat(appStatus(pod).state().running()).isNotNull();
    assertThat(eventReasons()).contains("SandboxChanged");
  }

  @Test
  void aNetworkRemovedBehindTheAgentsBackIsMadeAgainForTheNextSandbox() {
    Pod first = create(simplePod("Always"));
    reconcile(first);
    podClient.delete(NS, "web", DeleteOptions.DEFAULT.withGracePeriodSeconds(0L));
    reconcile(first);
    assertThat(containerNames(first)).isEmpty();
    runtime.removeNetwork("cetus");

    Pod second = create(simplePod("Always"));
    reconcile(second);

    assertThat(live(second).status().phase()).isEqualTo("Running");
    assertThat(runtime.process(containerId(second, "POD")).spec().network())
        .isEqualTo(NetworkMode.named("cetus"));
    assertThat(eventReasons()).doesNotContain("FailedCreatePodSandBox");
  }

  @Test
  void initContainersRunOneAfterAnotherBeforeTheAppContainers() {
    Pod pod =
        create(
            """
            metadata: {name: web}
            spec:
              nodeName: node-1
              initContainers:
                - {name: first, image: init:1}
                - {name: second, image: init:1}
              containers:
                - {name: app, image: app:1}
            """);

    reconcile(pod);
    assertThat(containerNames(pod)).containsExactlyInAnyOrder("POD", "first");
    assertThat(live(pod).status().phase()).isEqualTo("Pending");
    assertThat(condition(live(pod), PodCondition.INITIALIZED)).isEqualTo("False");

    runtime.crash(containerId(pod, "first"), 0);
    reconcile(pod);
    assertThat(containerNames(pod)).containsExactlyInAnyOrder("POD", "first", "second");

    runtime.crash(containerId(pod, "second"), 0);
    reconcile(pod);
    assertThat(containerNames(pod)).containsExactlyInAnyOrder("POD", "first", "second", "app");
    assertThat(live(pod).status().phase()).isEqualTo("Running");
    assertThat(condition(live(pod), PodCondition.INITIALIZED)).isEqualTo("True");
    assertThat(live(pod).status().initContainerStatuses().getFirst().state().terminated().reason())
        .isEqualTo("Completed");
  }

  @Test
  void crashedContainerRestartsThenBacksOffInCrashLoopBackOff() {
    Pod pod = create(simplePod("Always"));
    reconcile(pod);

    runtime.crash(containerId(pod, "app"), 1);
    reconcile(pod);
    ContainerStatus first = appStatus(pod);
    assertThat(first.restartCount()).isEqualTo(1);
    assertThat(first.state().running()).isNotNull();
    assertThat(first.lastState().terminated().exitCode()).isEqualTo(1);
    assertThat(first.lastState().terminated().reason()).isEqualTo("Error");

    runtime.crash(containerId(pod, "app"), 1);
    Result result = reconcile(pod);
    ContainerStatus backingOff = appStatus(pod);
    assertThat(backingOff.state().waiting().reason()).isEqualTo("CrashLoopBackOff");
    assertThat(backingOff.state().waiting().message()).contains("back-off 10s");
    assertThat(backingOff.restartCount()).isEqualTo(1);
    assertThat(backingOff.ready()).isFalse();
    assertThat(result.requeueAfter()).isEqualTo(Duration.ofSeconds(10));
    assertThat(condition(live(pod), PodCondition.READY)).isEqualTo("False");
    assertThat(eventReasons()).contains("BackOff");

    clock.advance(Duration.ofSeconds(10));
    reconcile(pod);
    assertThat(appStatus(pod).restartCount()).isEqualTo(2);
    assertThat(appStatus(pod).state().running()).isNotNull();

    runtime.crash(containerId(pod, "app"), 1);
    reconcile(pod);
    assertThat(appStatus(pod).state().waiting().message()).contains("back-off 20s");
  }

  @Test
  void oomKilledContainerReportsOomKilled() {
    Pod pod = create(simplePod("Always"));
    reconcile(pod);

    runtime.oomKill(containerId(pod, "app"));
    reconcile(pod);

    assertThat(appStatus(pod).lastState().terminated().reason()).isEqualTo("OOMKilled");
    assertThat(appStatus(pod).restartCount()).isEqualTo(1);
  }

  @Test
  void onFailureLeavesASuccessfulContainerAndThePodSucceeds() {
    Pod pod = create(simplePod("OnFailure"));
    reconcile(pod);

    runtime.crash(containerId(pod, "app"), 0);
    reconcile(pod);

    assertThat(live(pod).status().phase()).isEqualTo("Succeeded");
    assertThat(appStatus(pod).state().terminated().reason()).isEqualTo("Completed");
    assertThat(appStatus(pod).restartCount()).isZero();
  }

  @Test
  void onFailureRestartsAFailedContainer() {
    Pod pod = create(simplePod("OnFailure"));
    reconcile(pod);

    runtime.crash(containerId(pod, "app"), 3);
    reconcile(pod);

    assertThat(live(pod).status().phase()).isEqualTo("Running");
    assertThat(appStatus(pod).restartCount()).isEqualTo(1);
  }

  @Test
  void neverRestartsAndAFailedContainerFailsThePod() {
    Pod pod = create(simplePod("Never"));
    reconcile(pod);

    runtime.crash(containerId(pod, "app"), 2);
    reconcile(pod);
    reconcile(pod);

    assertThat(live(pod).status().phase()).isEqualTo("Failed");
    assertThat(appStatus(pod).state().terminated().exitCode()).isEqualTo(2);
    assertThat(containerNames(pod)).containsExactlyInAnyOrder("POD", "app");
  }

  @Test
  void missingImageThatCannotBePulledIsErrImagePullThenImagePullBackOff() {
    Pod pod =
        create(
            """
            metadata: {name: web}
            spec:
              nodeName: node-1
              containers: [{name: app, image: "nowhere/missing:1"}]
            """);

    reconcile(pod);
    assertThat(appStatus(pod).state().waiting().reason()).isEqualTo("ErrImagePull");
    assertThat(live(pod).status().phase()).isEqualTo("Pending");

    reconcile(pod);
    assertThat(appStatus(pod).state().waiting().reason()).isEqualTo("ImagePullBackOff");

    runtime.allowPull("nowhere/missing:1");
    clock.advance(Duration.ofSeconds(10));
    reconcile(pod);
    assertThat(appStatus(pod).state().running()).isNotNull();
    assertThat(eventReasons()).contains("Failed", "BackOff");
  }

  @Test
  void presentImageIsNotPulledUnderIfNotPresent() {
    Pod pod = create(simplePod("Always"));

    reconcile(pod);

    assertThat(runtime.pullCount("app:1")).isZero();
  }

  @Test
  void presentImageIsReportedAlreadyPresentAndNotPulled() {
    Pod pod = create(simplePod("Always"));

    reconcile(pod);

    assertThat(runtime.pullCount("app:1")).isZero();
    assertThat(events())
        .contains("Pulled: Container image \"app:1\" already present on machine")
        .noneMatch(event -> event.startsWith("Pulling"));
  }

  @Test
  void aPullIsReportedPullingThenPulledWithTheTimeItTookAndHappensOnce() {
    runtime.allowPull("registry.example/app:2");
    Pod pod =
        create(
            """
            metadata: {name: web}
            spec:
              nodeName: node-1
              containers: [{name: app, image: "registry.example/app:2"}]
            """);

    reconcile(pod);

    assertThat(appStatus(pod).state().running()).isNotNull();
    assertThat(runtime.pullCount("registry.example/app:2")).isEqualTo(1);
    assertThat(events()).contains("Pulling: Pulling image \"registry.example/app:2\"");
    assertThat(events())
        .anySatisfy(
            event ->
                assertThat(event)
                    .matches(
                        "Pulled: Successfully pulled image \"registry\\.example/app:2\" in"
                            + " \\d+(\\.\\d+)?m?s \\(\\d+(\\.\\d+)?m?s including waiting\\)"));
  }

  @Test
  void imagePullPolicyAlwaysPullsAnImageThatIsPresent() {
    runtime.allowPull("app:1");
    Pod pod =
        create(
            """
            metadata: {name: web}
            spec:
              nodeName: node-1
              containers: [{name: app, image: "app:1", imagePullPolicy: Always}]
            """);

    reconcile(pod);

    assertThat(runtime.pullCount("app:1")).isEqualTo(1);
    assertThat(events()).contains("Pulling: Pulling image \"app:1\"");
  }

  @Test
  void aFailedPullIsReportedAsKubeletDoes() {
    Pod pod =
        create(
            """
            metadata: {name: web}
            spec:
              nodeName: node-1
              containers: [{name: app, image: "nowhere/missing:1"}]
            """);

    reconcile(pod);
    assertThat(events())
        .contains("Pulling: Pulling image \"nowhere/missing:1\"", "Failed: Error: ErrImagePull")
        .anyMatch(
            event -> event.startsWith("Failed: Failed to pull image \"nowhere/missing:1\": "));

    reconcile(pod);
    assertThat(events())
        .contains(
            "BackOff: Back-off pulling image \"nowhere/missing:1\"",
            "Failed: Error: ImagePullBackOff");
  }

  @Test
  void goDurationsReadAsKubeletPrintsThem() {
    assertThat(PodReconciler.goDuration(Duration.ofMillis(250))).isEqualTo("250ms");
    assertThat(PodReconciler.goDuration(Duration.ofMillis(1234))).isEqualTo("1.234s");
    assertThat(PodReconciler.goDuration(Duration.ofSeconds(2))).isEqualTo("2s");
  }

  @Test
  void environmentComesFromValuesFieldsConfigMapsAndSecrets() {
    api.forType(ConfigMap.class)
        .create(
            new ConfigMap(
                null, null, ObjectMeta.named(NS, "settings"), null, Map.of("color", "blue"), null));
    api.forType(Secret.class)
        .create(
            new Secret(
                null,
                null,
                ObjectMeta.named(NS, "creds"),
                null,
                Map.of(
                    "password",
                    Base64.getEncoder().encodeToString("s3cret".getBytes(StandardCharsets.UTF_8))),
                null,
                "Opaque"));
    Pod pod =
        createWithApp(
            """
            env:
              - {name: PLAIN, value: hello}
              - {name: POD_NAME, valueFrom: {fieldRef: {fieldPath: metadata.name}}}
              - {name: POD_NAMESPACE, valueFrom: {fieldRef: {fieldPath: metadata.namespace}}}
              - {name: POD_IP, valueFrom: {fieldRef: {fieldPath: status.podIP}}}
              - {name: NODE, valueFrom: {fieldRef: {fieldPath: spec.nodeName}}}
              - {name: UID, valueFrom: {fieldRef: {fieldPath: metadata.uid}}}
              - {name: COLOR, valueFrom: {configMapKeyRef: {name: settings, key: color}}}
              - {name: PASSWORD, valueFrom: {secretKeyRef: {name: creds, key: password}}}
            """);

    reconcile(pod);

    Map<String, String> env = runtime.process(containerId(pod, "app")).spec().env();
    assertThat(env)
        .containsEntry("PLAIN", "hello")
        .containsEntry("POD_NAME", "web")
        .containsEntry("POD_NAMESPACE", NS)
        .containsEntry("POD_IP", live(pod).status().podIP())
        .containsEntry("NODE", NODE)
        .containsEntry("UID", pod.metadata().uid())
        .containsEntry("COLOR", "blue")
        .containsEntry("PASSWORD", "s3cret");
  }

  @Test
  void missingConfigMapIsCreateContainerConfigError() {
    Pod pod =
        createWithApp(
            """
            env: [{name: COLOR, valueFrom: {configMapKeyRef: {name: absent, key: color}}}]
            """);

    reconcile(pod);

    assertThat(appStatus(pod).state().waiting().reason()).isEqualTo("CreateContainerConfigError");
    assertThat(appStatus(pod).state().waiting().message()).contains("absent");
    assertThat(containerNames(pod)).containsExactly("POD");
  }

  @Test
  void configMapVolumeIsWrittenAndMountedReadOnly() throws Exception {
    api.forType(ConfigMap.class)
        .create(
            new ConfigMap(
                null, null, ObjectMeta.named(NS, "files"), null, Map.of("a.txt", "alpha"), null));
    Pod pod =
        create(
            """
            metadata: {name: web}
            spec:
              nodeName: node-1
              volumes:
                - {name: cfg, configMap: {name: files}}
                - {name: scratch, emptyDir: {}}
              containers:
                - name: app
                  image: app:1
                  volumeMounts:
                    - {name: cfg, mountPath: /etc/cfg}
                    - {name: scratch, mountPath: /scratch}
            """);

    reconcile(pod);

    var mounts = runtime.process(containerId(pod, "app")).spec().mounts();
    var cfg =
        (io.cetus.nodeagent.runtime.Mount.HostPath)
            mounts.stream()
                .filter(m -> m.containerPath().equals("/etc/cfg"))
                .findFirst()
                .orElseThrow();
    assertThat(cfg.readOnly()).isTrue();
    assertThat(java.nio.file.Files.readString(Path.of(cfg.hostPath()).resolve("a.txt")))
        .isEqualTo("alpha");
    assertThat(mounts).anyMatch(m -> m.containerPath().equals("/scratch") && !m.readOnly());
  }

  @Test
  void limitsBecomeCgroupLimits() {
    Pod pod = createWithApp("resources: {limits: {memory: 64Mi, cpu: 500m}}");

    reconcile(pod);

    var resources = runtime.process(containerId(pod, "app")).spec().resources();
    assertThat(resources.memoryLimitBytes()).isEqualTo(64L * 1024 * 1024);
    assertThat(resources.nanoCpus()).isEqualTo(500_000_000L);
  }

  @Test
  void deletionRunsPreStopStopsTheContainersAndFinishesTheDeletion() {
    AtomicInteger preStops = new AtomicInteger();
    runtime.onExec(
        command -> command.equals(List.of("/bin/drain")),
        exec -> {
          preStops.incrementAndGet();
          return 0;
        });
    Pod pod =
        create(
            """
            metadata: {name: web}
            spec:
              nodeName: node-1
              terminationGracePeriodSeconds: 5
              containers:
                - name: app
                  image: app:1
                  lifecycle: {preStop: {exec: {command: [/bin/drain]}}}
            """);
    reconcile(pod);
    String app = containerId(pod, "app");

    podClient.delete(NS, "web");
    assertThat(live(pod).metadata().deletionTimestamp()).isNotNull();
    reconcile(pod);

    assertThat(preStops).hasValue(1);
    assertThat(podClient.get(NS, "web")).isEmpty();
    assertThat(runtime.list(Map.of("io.cetus.pod-uid", pod.metadata().uid()))).isEmpty();
    assertThat(eventReasons()).contains("Killing");
    assertThat(app).isNotBlank();
  }

  @Test
  void containersOfPodsThatNoLongerExistAreRemoved() {
    Pod pod = create(simplePod("Always"));
    reconcile(pod);
    podClient.delete(NS, "web", DeleteOptions.DEFAULT.withGracePeriodSeconds(0L));

    reconciler.collectOrphans();

    assertThat(runtime.list(Map.of("io.cetus.node", NODE))).isEmpty();
  }

  @Test
  void restartedAgentAdoptsRunningContainersWithoutRestartingThem() {
    Pod pod = create(simplePod("Always"));
    reconcile(pod);
    String app = containerId(pod, "app");
    String sandbox = containerId(pod, "POD");

    PodReconciler restarted = newReconciler();
    restarted.reconcile(new Request(NS, "web"));

    assertThat(containerId(pod, "app")).isEqualTo(app);
    assertThat(containerId(pod, "POD")).isEqualTo(sandbox);
    assertThat(runtime.list(Map.of("io.cetus.pod-uid", pod.metadata().uid()))).hasSize(2);
    assertThat(appStatus(pod).restartCount()).isZero();
    assertThat(appStatus(pod).state().running()).isNotNull();
  }

  @Test
  void failingLivenessProbeRestartsTheContainer() {
    runtime.scriptExec(List.of("check"), new ExecResult(1, "", "sick"));
    Pod pod =
        createWithApp(
            """
            livenessProbe: {exec: {command: [check]}, failureThreshold: 2, timeoutSeconds: 10}
            """);
    reconcile(pod);
    String first = containerId(pod, "app");

    probeTicks.tick();
    assertThat(runtime.inspect(first).running()).isTrue();
    probeTicks.tick();
    assertThat(runtime.inspect(first).running()).isFalse();
    reconcile(pod);

    assertThat(appStatus(pod).restartCount()).isEqualTo(1);
    assertThat(containerId(pod, "app")).isNotEqualTo(first);
    assertThat(eventReasons()).contains("Unhealthy", "Killing");
  }

  @Test
  void startupProbeStopsAtItsFirstSuccess() {
    AtomicInteger exitCode = execExitCode("started?", 0);
    Pod pod =
        createWithApp(
            """
            startupProbe: {exec: {command: ["started?"]}, failureThreshold: 1, timeoutSeconds: 10}
            """);
    reconcile(pod);
    String first = containerId(pod, "app");
    probeTicks.tick();

    exitCode.set(1);
    probeTicks.tick();
    probeTicks.tick();
    reconcile(pod);

    assertThat(runtime.inspect(first).running()).isTrue();
    assertThat(appStatus(pod).restartCount()).isZero();
    assertThat(eventReasons()).doesNotContain("Unhealthy", "Killing");
  }

  @Test
  void readinessProbeDrivesTheReadyCondition() {
    AtomicInteger exitCode = execExitCode("ready?", 1);
    Pod pod =
        createWithApp(
            """
            readinessProbe: {exec: {command: ["ready?"]}, failureThreshold: 1, timeoutSeconds: 10}
            """);
    reconcile(pod);
    assertThat(condition(live(pod), PodCondition.READY)).isEqualTo("False");
    assertThat(appStatus(pod).ready()).isFalse();

    exitCode.set(0);
    probeTicks.tick();
    reconcile(pod);
    assertThat(condition(live(pod), PodCondition.READY)).isEqualTo("True");
    assertThat(appStatus(pod).ready()).isTrue();

    exitCode.set(1);
    probeTicks.tick();
    reconcile(pod);
    assertThat(condition(live(pod), PodCondition.READY)).isEqualTo("False");
    assertThat(live(pod).status().phase()).isEqualTo("Running");
  }

  /** The exit code the runtime gives an exec of {@code command}; the test sets it as it goes. */
  private AtomicInteger execExitCode(String command, int initial) {
    AtomicInteger exitCode = new AtomicInteger(initial);
    runtime.onExec(argv -> argv.equals(List.of(command)), exec -> exitCode.get());
    return exitCode;
  }

  private static String simplePod(String restartPolicy) {
    return """
    metadata: {name: web}
    spec:
      nodeName: node-1
      restartPolicy: %s
      containers: [{name: app, image: "app:1"}]
    """
        .formatted(restartPolicy);
  }

  /**
   * Creates pod web on node-1 with one container, app (image app:1), that has these fields besides:
   * YAML as under the container's name.
   */
  private Pod createWithApp(String containerFields) {
    return create(
        """
        metadata: {name: web}
        spec:
          nodeName: node-1
          containers:
            - name: app
              image: app:1
        """
            + containerFields.stripIndent().indent(6));
  }

  private Pod create(String yaml) {
    Pod pod = Json.yaml().readValue(yaml, Pod.class);
    return podClient.create(pod.withMetadata(pod.metadata().withNamespace(NS)));
  }

  private Result reconcile(Pod pod) {
    return reconciler.reconcile(new Request(NS, pod.metadata().name()));
  }

  private Pod live(Pod pod) {
    return podClient.get(NS, pod.metadata().name()).orElseThrow();
  }

  private ContainerStatus appStatus(Pod pod) {
    return live(pod).status().containerStatuses().stream()
        .filter(s -> s.name().equals("app"))
        .findFirst()
        .orElseThrow();
  }

  private static String condition(Pod pod, String type) {
    return Condition.find(pod.status().conditions(), type).map(PodCondition::status).orElse("");
  }

  /** The newest container of that name in the pod. */
  private String containerId(Pod pod, String container) {
    return runtime
        .list(Map.of("io.cetus.pod-uid", pod.metadata().uid(), "io.cetus.container", container))
        .stream()
        .max(java.util.Comparator.comparingInt(PodContainers::restartCount))
        .orElseThrow()
        .id();
  }

  private List<String> containerNames(Pod pod) {
    List<String> names = new ArrayList<>();
    runtime
        .list(Map.of("io.cetus.pod-uid", pod.metadata().uid()))
        .forEach(c -> names.add(c.labels().get("io.cetus.container")));
    return names;
  }

  /** Every event as {@code Reason: message}. */
  private List<String> events() {
    return api.forType(Event.class).list(NS).items().stream()
        .map(event -> event.reason() + ": " + event.message())
        .toList();
  }

  private List<String> eventReasons() {
    return api.forType(Event.class).list(NS).items().stream().map(Event::reason).toList();
  }
}
