package io.cetus.nodeagent.probe;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import io.cetus.api.core.Container;
import io.cetus.api.core.Pod;
import io.cetus.api.core.Probe;
import io.cetus.nodeagent.runtime.ContainerRuntime;
import io.cetus.nodeagent.runtime.ContainerStatus;

/**
 * Keeps one {@link ProbeWorker} per running container and probe, and answers whether a container is
 * ready and started. A container without a readiness probe is ready once started; without a startup
 * probe it is started once running. Workers of containers that stopped running are stopped; a
 * restarted container (new id) gets fresh workers. Thread-safe.
 */
public final class ProbeManager {

  private final ProbeScheduler scheduler;
  private final Prober prober;
  private final Map<Key, ProbeWorker> workers = new ConcurrentHashMap<>();
  private volatile ProbeListener listener;

  /** A listener that drops everything, until the real one is set. */
  public static final ProbeListener IGNORE =
      new ProbeListener() {
        @Override
        public void probeFailed(Pod pod, String container, ProbeKind kind, String message) {}

        @Override
        public void resultChanged(Pod pod) {}

        @Override
        public void containerUnhealthy(
            Pod pod, String container, String containerId, ProbeKind kind) {}
      };

  private record Key(String podUid, String container, ProbeKind kind) {}

  public ProbeManager(ContainerRuntime runtime, ProbeScheduler scheduler, ProbeListener listener) {
    this.scheduler = scheduler;
    this.listener = listener;
    this.prober = new DispatchingProber(runtime);
  }

  /** Where results go; for wiring a listener that is built after this manager. */
  public void listener(ProbeListener newListener) {
    this.listener = newListener;
  }

  /**
   * Makes the workers match the pod's running containers.
   *
   * @param running the running instance of each app container, by container name
   */
  public void sync(Pod pod, @Nullable String podIp, Map<String, ContainerStatus> running) {
    String uid = String.valueOf(pod.metadata().uid());
    for (Container container : pod.spec().containers()) {
      ContainerStatus instance = running.get(container.name());
      ensure(pod, uid, container, instance, podIp, ProbeKind.STARTUP, container.startupProbe());
      ensure(pod, uid, container, instance, podIp, ProbeKind.LIVENESS, container.livenessProbe());
      ensure(pod, uid, container, instance, podIp, ProbeKind.READINESS, container.readinessProbe());
    }
  }

  private void ensure(
      Pod pod,
      String uid,
      Container container,
      @Nullable ContainerStatus instance,
      @Nullable String podIp,
      ProbeKind kind,
      @Nullable Probe probe) {
    Key key = new Key(uid, container.name(), kind);
    ProbeWorker existing = workers.get(key);
    if (existing != null && (instance == null || !existing.containerId().equals(instance.id()))) {
      workers.remove(key, existing);
      existing.stop();
      existing = null;
    }
    if (existing != null || instance == null || probe == null) {
      return;
    }
    ProbeWorker worker =
        new ProbeWorker(
            pod,
            container,
            instance.id(),
            podIp,
            kind,
            probe,
            prober,
            () -> started(uid, container.name(), instance.id()),
            new ProbeListener() {
              @Override
              public void probeFailed(Pod p, String c, ProbeKind k, String message) {
                listener.probeFailed(p, c, k, message);
              }

              @Override
              public void resultChanged(Pod p) {
                listener.resultChanged(p);
              }

              @Override
              public void containerUnhealthy(Pod p, String c, String id, ProbeKind k) {
                listener.containerUnhealthy(p, c, id, k);
              }
            });
    if (workers.putIfAbsent(key, worker) == null) {
      worker.start(scheduler);
    }
  }

  /** Ready: started, and the readiness probe (if any) succeeds. */
  public boolean ready(String podUid, String container, String containerId) {
    if (!started(podUid, container, containerId)) {
      return false;
    }
    return result(podUid, container, containerId, ProbeKind.READINESS, true);
  }

  /** Started: the startup probe (if any) has succeeded. */
  public boolean started(String podUid, String container, String containerId) {
    return result(podUid, container, containerId, ProbeKind.STARTUP, true);
  }

  private boolean result(
      String podUid, String container, String containerId, ProbeKind kind, boolean none) {
    ProbeWorker worker = workers.get(new Key(podUid, container, kind));
    if (worker == null) {
      return none;
    }
    return worker.containerId().equals(containerId) && worker.result();
  }

  /** Stops every worker of the pod. */
  public void forgetPod(String podUid) {
    workers
        .entrySet()
        .removeIf(
            entry -> {
              if (entry.getKey().podUid().equals(podUid)) {
                entry.getValue().stop();
                return true;
              }
              return false;
            });
  }
}
