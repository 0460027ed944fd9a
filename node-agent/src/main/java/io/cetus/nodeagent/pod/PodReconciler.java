package io.cetus.nodeagent.pod;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cetus.api.core.Container;
import io.cetus.api.core.Pod;
import io.cetus.api.core.PodSpec;
import io.cetus.api.core.PodStatus;
import io.cetus.api.errors.ApiErrors;
import io.cetus.api.errors.ApiException;
import io.cetus.client.DeleteOptions;
import io.cetus.client.ObjectClient;
import io.cetus.client.informer.Lister;
import io.cetus.controller.event.EventRecorder;
import io.cetus.controller.reconcile.Reconciler;
import io.cetus.controller.reconcile.Request;
import io.cetus.controller.reconcile.Result;
import io.cetus.nodeagent.probe.ProbeKind;
import io.cetus.nodeagent.probe.ProbeListener;
import io.cetus.nodeagent.probe.ProbeManager;
import io.cetus.nodeagent.runtime.ContainerHandle;
import io.cetus.nodeagent.runtime.ContainerNotFoundException;
import io.cetus.nodeagent.runtime.ContainerRuntime;
import io.cetus.nodeagent.runtime.ContainerRuntimeException;
import io.cetus.nodeagent.runtime.ContainerSpec;
import io.cetus.nodeagent.runtime.ContainerState;
import io.cetus.nodeagent.runtime.ContainerStatus;
import io.cetus.nodeagent.runtime.ImageNotPresentException;
import io.cetus.nodeagent.runtime.ImagePullException;
import io.cetus.nodeagent.runtime.ImagePullPolicy;
import io.cetus.nodeagent.runtime.RuntimeUnavailableException;

/**
 * Drives one pod bound to this node towards its spec (see {@link PodLifecycle} for the states).
 * Level-based: every call reads the pod's containers back from the runtime by their labels, so a
 * call after an agent restart adopts what runs instead of starting it again. Container exits and
 * probe results call {@link #onChange} so the pod is reconciled again at once.
 *
 * <p>Engine round trips are what a pod's startup waits for, so a call lists the pod's containers
 * once and carries on with what it starts itself (the sandbox and the containers after it, in the
 * same call) rather than listing again; the pods' network is looked up once, not per sandbox.
 */
public final class PodReconciler implements Reconciler {

  private static final Logger log = LoggerFactory.getLogger(PodReconciler.class);
  private static final long DEFAULT_GRACE_SECONDS = 30;
  private static final Duration CONFIG_RETRY = Duration.ofSeconds(10);
  private static final Duration PULL_BACKOFF_NOTICE = Duration.ofSeconds(1);

  private final AgentSettings settings;
  private final Lister<Pod> pods;
  private final ObjectClient<Pod> podClient;
  private final ContainerRuntime runtime;
  private final EnvResolver env;
  private final PodVolumes volumes;
  private final PodHooks hooks;
  private final RestartTracker restarts = new RestartTracker();
  private final EventRecorder events;
  private final ProbeManager probes;
  private final Clock clock;
  private final Set<String> watchedExits = ConcurrentHashMap.newKeySet();
  private volatile Consumer<Request> onChange = request -> {};

  /** Whether the pods' network is known to exist; forgotten when a sandbox fails to start. */
  private volatile boolean networkReady;

  PodReconciler(
      AgentSettings settings,
      Lister<Pod> pods,
      ObjectClient<Pod> podClient,
      ContainerRuntime runtime,
      EnvResolver env,
      PodVolumes volumes,
      EventRecorder events,
      ProbeManager probes,
      Clock clock) {
    this.settings = settings;
    this.pods = pods;
    this.podClient = podClient;
    this.runtime = runtime;
    this.env = env;
    this.volumes = volumes;
    this.hooks = new PodHooks(runtime);
    this.events = events;
    this.probes = probes;
    this.clock = clock;
    probes.listener(new ProbeEvents());
  }

  /** Where container exits and probe changes send the pod to be reconciled again. */
  public void onChange(Consumer<Request> sink) {
    this.onChange = sink;
  }

  @Override
  public Result reconcile(Request request) {
    Pod pod = pods.get(request.namespace(), request.name()).orElse(null);
    if (pod == null || pod.metadata().uid() == null) {
      removeContainersOf(request);
      return Result.DONE;
    }
    if (!settings.nodeName().equals(pod.spec().nodeName())) {
      return Result.DONE;
    }
    if (pod.metadata().isBeingDeleted()) {
      terminate(pod);
      return Result.DONE;
    }
    return sync(request, pod);
  }

  private Result sync(Request request, Pod pod) {
    Instant now = clock.instant();
    String uid = PodContainers.uid(pod);
    Map<String, List<ContainerStatus>> byName = PodContainers.byName(containersOf(uid));
    Wake wake = new Wake(now);
    Map<String, Waiting> waiting = new HashMap<>();
    String phase = pod.status().phase();
    boolean terminal = PodStatus.SUCCEEDED.equals(phase) || PodStatus.FAILED.equals(phase);

    ContainerStatus sandbox = PodContainers.latest(byName.get(PodContainers.SANDBOX));
    if (!terminal && (sandbox == null || !sandbox.running())) {
      boolean replacing = sandbox != null;
      try {
        sandbox = startSandbox(pod, sandbox, byName);
      } catch (ContainerRuntimeException e) {
        if (e instanceof RuntimeUnavailableException) {
          throw e;
        }
        log.warn("Could not create the sandbox of pod {}: {}", request, e.getMessage());
        events.warning(
            pod, "FailedCreatePodSandBox", "Failed to create pod sandbox: " + e.getMessage());
        pod.spec()
            .containers()
            .forEach(c -> waiting.put(c.name(), new Waiting(Waiting.CONTAINER_CREATING, "")));
        wake.at(now.plus(CONFIG_RETRY));
        sandbox = null;
      }
      if (replacing) {
        // The old sandbox and the pod's running containers were removed.
        byName = PodContainers.byName(containersOf(uid));
      } else if (sandbox != null) {
        PodContainers.add(byName, sandbox);
      }
    }
    String podIp = sandbox == null ? null : sandbox.ipAddress();

    if (!terminal && sandbox != null && sandbox.running()) {
      // What these start is added to byName: the status below needs no second list.
      SandboxRun run = new SandboxRun(request, pod, byName, sandbox.id(), podIp, waiting, wake);
      if (runInitContainers(run)) {
        runAppContainers(run);
      }
    }
    watchExits(request, byName);
    probes.sync(pod, podIp, running(pod, byName));

    PodStatus status =
        PodStatuses.status(
            pod, byName, waiting, podIp, settings.address(), runtime.name(), probesView(), now);
    if (!status.equals(pod.status())) {
      writeStatus(pod, status);
    }
    removeOldInstances(byName);
    return wake.result();
  }

  private ContainerStatus startSandbox(
      Pod pod, @Nullable ContainerStatus dead, Map<String, List<ContainerStatus>> byName) {
    int attempt = 0;
    if (dead != null) {
      // The network namespace is gone: every container of the pod goes with it.
      attempt = PodContainers.restartCount(dead) + 1;
      for (List<ContainerStatus> instances : byName.values()) {
        for (ContainerStatus instance : instances) {
          if (instance.running()
              || instance.labels().get(PodContainers.CONTAINER).equals(PodContainers.SANDBOX)) {
            runtime.destroy(instance.id(), true);
          }
        }
      }
      events.normal(
          pod, "SandboxChanged", "Pod sandbox changed, it will be killed and re-created.");
    }
    ContainerSpec spec =
        ContainerSpecs.sandbox(
            settings.nodeName(),
            pod,
            settings.sandboxImage(),
            settings.network(),
            settings.publishAddress(),
            attempt,
            PodDns.config(pod, settings.cluster()));
    boolean networkTrusted = networkReady;
    ContainerHandle handle;
    try {
      handle = startOnNetwork(spec);
    } catch (ContainerRuntimeException e) {
      if (e instanceof RuntimeUnavailableException || !networkTrusted) {
        throw e;
      }
      // The network was taken on trust and may be gone since: make sure of it and try again.
      handle = startOnNetwork(spec);
    }
    return runtime.inspect(handle.containerId());
  }

  /** Starts a sandbox, having made sure of the pods' network unless it is known to exist. */
  private ContainerHandle startOnNetwork(ContainerSpec spec) {
    if (!networkReady) {
      runtime.ensureNetwork(settings.cluster().network(settings.network()));
      networkReady = true;
    }
    try {
      return runtime.start(spec);
    } catch (ContainerRuntimeException e) {
      networkReady = false;
      throw e;
    }
  }

  /** Runs init containers in order; true once every one has exited 0. */
  private boolean runInitContainers(SandboxRun run) {
    String policy = restartPolicy(run.pod());
    for (Container init : run.pod().spec().initContainers()) {
      ContainerStatus latest = run.latest(init);
      if (latest == null) {
        start(run, init, 0, true);
        return false;
      }
      if (latest.state() != ContainerState.EXITED) {
        return false;
      }
      if (PodStatuses.succeeded(latest)) {
        continue;
      }
      if (!PodSpec.RESTART_NEVER.equals(policy)) {
        restartAfterBackoff(run, init, latest, true);
      }
      return false;
    }
    return true;
  }

  private void runAppContainers(SandboxRun run) {
    String policy = restartPolicy(run.pod());
    for (Container container : run.pod().spec().containers()) {
      ContainerStatus latest = run.latest(container);
      if (latest == null) {
        start(run, container, 0, false);
      } else if (latest.state() == ContainerState.EXITED) {
        boolean restart =
            PodSpec.RESTART_ALWAYS.equals(policy)
                || PodSpec.RESTART_ON_FAILURE.equals(policy) && !PodStatuses.succeeded(latest);
        if (restart) {
          restartAfterBackoff(run, container, latest, false);
        }
      }
    }
  }

  private void restartAfterBackoff(
      SandboxRun run, Container container, ContainerStatus latest, boolean init) {
    Pod pod = run.pod();
    int restartsSoFar = PodContainers.restartCount(latest);
    Instant restartAt = RestartTracker.restartAt(latest.finishedAt(), restartsSoFar);
    if (clock.instant().isBefore(restartAt)) {
      Duration delay = RestartTracker.crashBackoff(restartsSoFar);
      String message =
          "back-off "
              + format(delay)
              + " restarting failed container="
              + container.name()
              + " pod="
              + pod.metadata().name()
              + "_"
              + PodContainers.namespace(pod)
              + "("
              + pod.metadata().uid()
              + ")";
      run.waiting().put(container.name(), new Waiting(Waiting.CRASH_LOOP_BACK_OFF, message));
      events.warning(
          pod,
          fieldPath(container, init),
          "BackOff",
          "Back-off restarting failed container "
              + container.name()
              + " in pod "
              + pod.metadata().name());
      run.wake().at(restartAt);
      return;
    }
    start(run, container, restartsSoFar + 1, init);
  }

  /** Starts a container of the pod and adds it to the run's {@code byName}. */
  private void start(SandboxRun run, Container container, int restartCount, boolean init) {
    Pod pod = run.pod();
    Map<String, Waiting> waiting = run.waiting();
    Wake wake = run.wake();
    Instant now = clock.instant();
    String key = RestartTracker.key(PodContainers.uid(pod), container.name());
    String fieldPath = fieldPath(container, init);
    String image = Objects.requireNonNullElse(container.image(), "");
    RestartTracker.PullFailure pullFailure = restarts.pullFailure(key);
    if (pullFailure != null && now.isBefore(pullFailure.retryAt())) {
      waiting.put(
          container.name(),
          new Waiting(Waiting.IMAGE_PULL_BACK_OFF, "Back-off pulling image \"" + image + "\""));
      events.normal(pod, fieldPath, "BackOff", "Back-off pulling image \"" + image + "\"");
      events.warning(pod, fieldPath, "Failed", "Error: " + Waiting.IMAGE_PULL_BACK_OFF);
      wake.at(pullFailure.retryAt());
      return;
    }
    try {
      Map<String, String> environment =
          env.resolve(pod, container, run.podIp(), settings.address());
      ContainerSpec spec =
          ContainerSpecs.container(
              settings.nodeName(),
              pod,
              container,
              restartCount,
              run.sandboxId(),
              environment,
              volumes.mounts(pod, container));
      spec = ensureImage(pod, fieldPath, spec);
      ContainerHandle handle = runtime.start(spec);
      restarts.pullSucceeded(key);
      events.normal(pod, fieldPath, "Created", "Created container " + container.name());
      events.normal(pod, fieldPath, "Started", "Started container " + container.name());
      watchExit(run.request(), handle.containerId());
      try {
        PodContainers.add(run.byName(), runtime.inspect(handle.containerId()));
      } catch (ContainerNotFoundException e) {
        // Removed already: the next reconcile finds it gone.
      }
    } catch (ContainerConfigException e) {
      waiting.put(container.name(), new Waiting(Waiting.CONFIG_ERROR, e.getMessage()));
      events.warning(pod, fieldPath, "Failed", "Error: " + e.getMessage());
      wake.at(now.plus(CONFIG_RETRY));
    } catch (ImagePullException e) {
      restarts.pullFailed(key, now, e.getMessage());
      waiting.put(container.name(), new Waiting(Waiting.ERR_IMAGE_PULL, e.getMessage()));
      events.warning(
          pod, fieldPath, "Failed", "Failed to pull image \"" + image + "\": " + e.getMessage());
      events.warning(pod, fieldPath, "Failed", "Error: " + Waiting.ERR_IMAGE_PULL);
      wake.at(now.plus(PULL_BACKOFF_NOTICE));
    } catch (ImageNotPresentException e) {
      waiting.put(container.name(), new Waiting(Waiting.ERR_IMAGE_NEVER_PULL, e.getMessage()));
      events.warning(pod, fieldPath, "ErrImageNeverPull", e.getMessage());
      wake.at(now.plus(CONFIG_RETRY));
    } catch (RuntimeUnavailableException e) {
      throw e;
    } catch (ContainerRuntimeException | UncheckedIOException e) {
      waiting.put(container.name(), new Waiting(Waiting.RUN_CONTAINER_ERROR, e.getMessage()));
      events.warning(pod, fieldPath, "Failed", "Error: " + e.getMessage());
      wake.at(now.plus(CONFIG_RETRY));
    }
  }

  /**
   * The image step of a start, with kubelet's events: an image the policy lets the agent use as it
   * is gives {@code Pulled} "already present on machine" and no pull; otherwise {@code Pulling},
   * the pull, and {@code Pulled} with the time it took. A failed pull throws {@link
   * ImagePullException} for the caller's {@code Failed}/{@code ErrImagePull}; a missing image under
   * {@code Never} is left to {@link ContainerRuntime#start} ({@code ErrImageNeverPull}).
   *
   * @return the spec to start: after a pull, one that does not pull again
   */
  private ContainerSpec ensureImage(Pod pod, String fieldPath, ContainerSpec spec) {
    String image = spec.image();
    if (spec.pullPolicy() != ImagePullPolicy.ALWAYS && runtime.hasImage(image)) {
      events.normal(
          pod, fieldPath, "Pulled", "Container image \"" + image + "\" already present on machine");
      return spec;
    }
    if (spec.pullPolicy() == ImagePullPolicy.NEVER) {
      return spec;
    }
    events.normal(pod, fieldPath, "Pulling", "Pulling image \"" + image + "\"");
    long started = System.nanoTime(); // elapsed time: monotonic, not the (injectable) wall clock
    runtime.pullImage(image);
    String took = goDuration(Duration.ofNanos(System.nanoTime() - started));
    events.normal(
        pod,
        fieldPath,
        "Pulled",
        "Successfully pulled image \""
            + image
            + "\" in "
            + took
            + " ("
            + took
            + " including waiting)");
    return spec.toBuilder().pullPolicy(ImagePullPolicy.IF_NOT_PRESENT).build();
  }

  /** A duration as Go prints it in kubelet's messages, to the millisecond: {@code 1.234s}. */
  static String goDuration(Duration duration) {
    long millis = duration.toMillis();
    if (millis < 1000) {
      return millis + "ms";
    }
    String seconds = java.math.BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString();
    return seconds + "s";
  }

  /** Graceful deletion: preStop hooks, SIGTERM, SIGKILL after the grace period, then removal. */
  private void terminate(Pod pod) {
    String uid = PodContainers.uid(pod);
    long graceSeconds =
        Objects.requireNonNullElse(
            pod.metadata().deletionGracePeriodSeconds(),
            Objects.requireNonNullElse(
                pod.spec().terminationGracePeriodSeconds(), DEFAULT_GRACE_SECONDS));
    Duration grace = Duration.ofSeconds(Math.max(0, graceSeconds));
    Map<String, List<ContainerStatus>> byName = PodContainers.byName(containersOf(uid));
    ContainerStatus sandbox = PodContainers.latest(byName.get(PodContainers.SANDBOX));
    String podIp = sandbox == null ? null : sandbox.ipAddress();
    probes.forgetPod(uid);
    long deadline = System.nanoTime() + grace.toNanos();
    List<Future<?>> stopping = new ArrayList<>();
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      for (Container container : allContainers(pod)) {
        ContainerStatus latest = PodContainers.latest(byName.get(container.name()));
        if (latest == null || !latest.running()) {
          continue;
        }
        boolean init = pod.spec().initContainers().contains(container);
        stopping.add(
            executor.submit(
                () -> {
                  String fieldPath = fieldPath(container, init);
                  String failure =
                      hooks.preStop(
                          container,
                          latest.id(),
                          podIp,
                          Duration.ofNanos(deadline - System.nanoTime()));
                  if (failure != null) {
                    events.warning(
                        pod, fieldPath, "FailedPreStopHook", "PreStopHook failed: " + failure);
                  }
                  events.normal(
                      pod, fieldPath, "Killing", "Stopping container " + container.name());
                  Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
                  try {
                    runtime.stop(latest.id(), left);
                  } catch (ContainerNotFoundException e) {
                    // already gone
                  }
                }));
      }
    }
    for (List<ContainerStatus> instances : byName.values()) {
      instances.forEach(instance -> runtime.destroy(instance.id(), true));
    }
    forget(uid);
    try {
      podClient.delete(
          pod.metadata().namespace(),
          Objects.requireNonNull(pod.metadata().name()),
          DeleteOptions.DEFAULT.withGracePeriodSeconds(0L).withPreconditions(uid, null));
    } catch (ApiException e) {
      if (!ApiErrors.isNotFound(e) && !ApiErrors.isConflict(e)) {
        throw e;
      }
    }
  }

  /**
   * Removes containers of pods that no longer exist. Call only once the pod informer has synced, or
   * running pods would be taken for gone.
   */
  public void collectOrphans() {
    Set<String> live = new HashSet<>();
    for (Pod pod : pods.list()) {
      if (pod.metadata().uid() != null) {
        live.add(pod.metadata().uid());
      }
    }
    Set<String> gone = new HashSet<>();
    for (ContainerStatus container :
        runtime.list(Map.of(PodContainers.NODE, settings.nodeName()))) {
      String uid = container.labels().get(PodContainers.POD_UID);
      if (uid != null && !live.contains(uid)) {
        log.info("Removing container {} of pod {} that no longer exists", container.name(), uid);
        runtime.destroy(container.id(), true);
        gone.add(uid);
      }
    }
    gone.forEach(this::forget);
  }

  private void removeContainersOf(Request request) {
    Map<String, String> labels = new HashMap<>();
    labels.put(PodContainers.NODE, settings.nodeName());
    labels.put(
        PodContainers.POD_NAMESPACE, Objects.requireNonNullElse(request.namespace(), "default"));
    labels.put(PodContainers.POD_NAME, request.name());
    Set<String> uids = new HashSet<>();
    for (ContainerStatus container : runtime.list(labels)) {
      runtime.destroy(container.id(), true);
      uids.add(container.labels().get(PodContainers.POD_UID));
    }
    uids.stream().filter(Objects::nonNull).forEach(this::forget);
  }

  private void forget(String uid) {
    restarts.forgetPod(uid);
    probes.forgetPod(uid);
    try {
      volumes.remove(uid);
    } catch (UncheckedIOException e) {
      log.warn("Could not remove the volumes of pod {}: {}", uid, e.getMessage());
    }
  }

  private void writeStatus(Pod pod, PodStatus status) {
    // The agent owns a bound pod's status, so it writes unconditionally (no resourceVersion).
    Pod update = pod.withMetadata(pod.metadata().withResourceVersion(null)).withStatus(status);
    try {
      podClient.updateStatus(update);
    } catch (ApiException e) {
      if (!ApiErrors.isNotFound(e)) {
        throw e;
      }
    }
  }

  /** Keeps the latest instance of each container and the one before it (for lastState, logs). */
  private void removeOldInstances(Map<String, List<ContainerStatus>> byName) {
    for (List<ContainerStatus> instances : byName.values()) {
      for (int i = 0; i < instances.size() - 2; i++) {
        ContainerStatus old = instances.get(i);
        if (!old.running()) {
          runtime.destroy(old.id(), false);
        }
      }
    }
  }

  private void watchExits(Request request, Map<String, List<ContainerStatus>> byName) {
    for (List<ContainerStatus> instances : byName.values()) {
      for (ContainerStatus instance : instances) {
        if (instance.running()) {
          watchExit(request, instance.id());
        }
      }
    }
  }

  private void watchExit(Request request, String containerId) {
    if (!watchedExits.add(containerId)) {
      return;
    }
    try {
      runtime
          .awaitExit(containerId)
          .whenComplete(
              (exit, error) -> {
                watchedExits.remove(containerId);
                onChange.accept(request);
              });
    } catch (ContainerNotFoundException e) {
      watchedExits.remove(containerId);
    }
  }

  private Map<String, ContainerStatus> running(Pod pod, Map<String, List<ContainerStatus>> byName) {
    Map<String, ContainerStatus> running = new HashMap<>();
    for (Container container : pod.spec().containers()) {
      ContainerStatus latest = PodContainers.latest(byName.get(container.name()));
      if (latest != null && latest.running()) {
        running.put(container.name(), latest);
      }
    }
    return running;
  }

  private PodStatuses.Probes probesView() {
    return new PodStatuses.Probes() {
      @Override
      public boolean ready(Pod pod, String container, ContainerStatus instance) {
        return probes.ready(PodContainers.uid(pod), container, instance.id());
      }

      @Override
      public boolean started(Pod pod, String container, ContainerStatus instance) {
        return probes.started(PodContainers.uid(pod), container, instance.id());
      }
    };
  }

  private List<ContainerStatus> containersOf(String uid) {
    return runtime.list(
        Map.of(PodContainers.NODE, settings.nodeName(), PodContainers.POD_UID, uid));
  }

  private static List<Container> allContainers(Pod pod) {
    List<Container> all = new ArrayList<>(pod.spec().initContainers());
    all.addAll(pod.spec().containers());
    return all;
  }

  private static String restartPolicy(Pod pod) {
    return Objects.requireNonNullElse(pod.spec().restartPolicy(), PodSpec.RESTART_ALWAYS);
  }

  static String fieldPath(Container container, boolean init) {
    return (init ? "spec.initContainers{" : "spec.containers{") + container.name() + "}";
  }

  private static String format(Duration delay) {
    long seconds = delay.toSeconds();
    return seconds >= 60 ? seconds / 60 + "m" + seconds % 60 + "s" : seconds + "s";
  }

  /** Probe outcomes: events, a fresh status, and restarts of unhealthy containers. */
  private final class ProbeEvents implements ProbeListener {

    @Override
    public void probeFailed(Pod pod, String container, ProbeKind kind, String message) {
      events.warning(
          pod,
          "spec.containers{" + container + "}",
          "Unhealthy",
          kind.displayName() + " probe failed: " + message);
    }

    @Override
    public void resultChanged(Pod pod) {
      onChange.accept(Request.of(pod));
    }

    @Override
    public void containerUnhealthy(Pod pod, String container, String containerId, ProbeKind kind) {
      events.normal(
          pod,
          "spec.containers{" + container + "}",
          "Killing",
          "Container "
              + container
              + " failed "
              + kind.displayName().toLowerCase(java.util.Locale.ROOT)
              + " probe, will be restarted");
      long grace =
          Objects.requireNonNullElse(
              pod.spec().terminationGracePeriodSeconds(), DEFAULT_GRACE_SECONDS);
      try {
        runtime.stop(containerId, Duration.ofSeconds(grace));
      } catch (ContainerRuntimeException e) {
        log.warn("Could not stop unhealthy container {}: {}", containerId, e.getMessage());
      }
      onChange.accept(Request.of(pod));
    }
  }

  /**
   * What starting the containers of a pod whose sandbox runs works with, in one sync: the pod's
   * containers as listed (starts add theirs), and the waiting reasons and wake-up the status and
   * the requeue are made of.
   */
  private record SandboxRun(
      Request request,
      Pod pod,
      Map<String, List<ContainerStatus>> byName,
      String sandboxId,
      @Nullable String podIp,
      Map<String, Waiting> waiting,
      Wake wake) {

    @Nullable ContainerStatus latest(Container container) {
      return PodContainers.latest(byName.get(container.name()));
    }
  }

  /** The earliest moment the pod must be looked at again, if any. */
  private static final class Wake {
    private final Instant now;
    private @Nullable Instant at;

    Wake(Instant now) {
      this.now = now;
    }

    void at(Instant instant) {
      if (at == null || instant.isBefore(at)) {
        at = instant;
      }
    }

    Result result() {
      if (at == null) {
        return Result.DONE;
      }
      Duration delay = Duration.between(now, at);
      return Result.requeueIn(
          delay.compareTo(Duration.ofMillis(10)) < 0 ? Duration.ofMillis(10) : delay);
    }
  }
}
