package io.cetus.nodeagent.pod;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.cetus.api.core.Container;
import io.cetus.api.core.ContainerState;
import io.cetus.api.core.ContainerStateRunning;
import io.cetus.api.core.ContainerStateTerminated;
import io.cetus.api.core.ContainerStateWaiting;
import io.cetus.api.core.HostIP;
import io.cetus.api.core.Pod;
import io.cetus.api.core.PodCondition;
import io.cetus.api.core.PodIP;
import io.cetus.api.core.PodSpec;
import io.cetus.api.core.PodStatus;
import io.cetus.api.meta.Condition;
import io.cetus.nodeagent.runtime.ContainerStatus;

/**
 * Computes a pod's {@code status} from its containers on the engine. Pure; the previous status
 * keeps transition times and the start time stable, so an unchanged pod yields an equal status and
 * nothing is written.
 *
 * <p>Phase: {@code Failed} when an init container failed under {@code Never}, or every app
 * container has exited and one failed without being restarted; {@code Succeeded} when every app
 * container exited 0 and none will restart; {@code Running} once every app container has been
 * created and one runs or is being restarted; {@code Pending} before.
 */
final class PodStatuses {

  /** Whether a running container passes its readiness and startup probes. */
  interface Probes {
    boolean ready(Pod pod, String container, ContainerStatus instance);

    boolean started(Pod pod, String container, ContainerStatus instance);

    Probes NONE =
        new Probes() {
          @Override
          public boolean ready(Pod pod, String container, ContainerStatus instance) {
            return true;
          }

          @Override
          public boolean started(Pod pod, String container, ContainerStatus instance) {
            return true;
          }
        };
  }

  private PodStatuses() {}

  static PodStatus status(
      Pod pod,
      Map<String, List<ContainerStatus>> byName,
      Map<String, Waiting> waiting,
      @Nullable String podIp,
      String hostIp,
      String runtimeName,
      Probes probes,
      Instant now) {
    PodSpec spec = pod.spec();
    String policy = Objects.requireNonNullElse(spec.restartPolicy(), PodSpec.RESTART_ALWAYS);
    PodStatus previous = pod.status();

    boolean initialized = true;
    boolean initFailed = false;
    for (Container init : spec.initContainers()) {
      ContainerStatus latest = PodContainers.latest(byName.get(init.name()));
      if (latest == null || latest.state() != io.cetus.nodeagent.runtime.ContainerState.EXITED) {
        initialized = false;
        break;
      }
      if (!succeeded(latest)) {
        initialized = false;
        initFailed = PodSpec.RESTART_NEVER.equals(policy);
        break;
      }
    }

    List<io.cetus.api.core.ContainerStatus> initStatuses = new ArrayList<>();
    for (Container init : spec.initContainers()) {
      initStatuses.add(
          containerStatus(
              pod,
              init,
              byName.get(init.name()),
              waiting.get(init.name()),
              runtimeName,
              probes,
              false));
    }
    List<io.cetus.api.core.ContainerStatus> statuses = new ArrayList<>();
    boolean allCreated = initialized;
    boolean anyRunning = false;
    boolean allExited = true;
    boolean allSucceeded = true;
    boolean allReady = initialized && !spec.containers().isEmpty();
    for (Container container : spec.containers()) {
      List<ContainerStatus> instances = byName.get(container.name());
      ContainerStatus latest = PodContainers.latest(instances);
      Waiting reason = waiting.get(container.name());
      if (reason == null && !initialized) {
        reason = new Waiting(Waiting.POD_INITIALIZING, "");
      }
      var status = containerStatus(pod, container, instances, reason, runtimeName, probes, true);
      statuses.add(status);
      allReady &= status.ready();
      if (latest == null) {
        allCreated = false;
        allExited = false;
        allSucceeded = false;
      } else if (latest.running()) {
        anyRunning = true;
        allExited = false;
      } else if (latest.state() == io.cetus.nodeagent.runtime.ContainerState.EXITED) {
        allSucceeded &= succeeded(latest);
      } else {
        allExited = false;
      }
    }

    String phase;
    if (initFailed) {
      phase = PodStatus.FAILED;
    } else if (!allCreated) {
      phase = PodStatus.PENDING;
    } else if (allExited && PodSpec.RESTART_NEVER.equals(policy)) {
      phase = allSucceeded ? PodStatus.SUCCEEDED : PodStatus.FAILED;
    } else if (allExited && allSucceeded && PodSpec.RESTART_ON_FAILURE.equals(policy)) {
      phase = PodStatus.SUCCEEDED;
    } else {
      phase = PodStatus.RUNNING;
    }
    boolean terminal = PodStatus.SUCCEEDED.equals(phase) || PodStatus.FAILED.equals(phase);
    boolean ready = allReady && anyRunning && !terminal;

    List<PodCondition> conditions = new ArrayList<>();
    conditions.add(
        Condition.find(previous.conditions(), PodCondition.POD_SCHEDULED)
            .orElse(new PodCondition(PodCondition.POD_SCHEDULED, "True", null, now, null, null)));
    conditions.add(
        condition(
            previous,
            PodCondition.INITIALIZED,
            initialized || terminal && !initFailed,
            initialized ? null : "ContainersNotInitialized",
            now));
    conditions.add(
        condition(
            previous,
            PodCondition.CONTAINERS_READY,
            ready,
            ready ? null : terminal ? "PodCompleted" : "ContainersNotReady",
            now));
    conditions.add(
        condition(
            previous,
            PodCondition.READY,
            ready,
            ready ? null : terminal ? "PodCompleted" : "ContainersNotReady",
            now));

    return previous.toBuilder()
        .phase(phase)
        .conditions(conditions)
        .hostIP(hostIp)
        .hostIPs(List.of(new HostIP(hostIp)))
        .podIP(podIp)
        .podIPs(podIp == null ? List.of() : List.of(new PodIP(podIp)))
        .startTime(previous.startTime() == null ? now : previous.startTime())
        .initContainerStatuses(initStatuses)
        .containerStatuses(statuses)
        .build();
  }

  private static PodCondition condition(
      PodStatus previous, String type, boolean holds, @Nullable String reason, Instant now) {
    String status = holds ? "True" : "False";
    Instant transition =
        Condition.find(previous.conditions(), type)
            .filter(old -> old.status().equals(status) && old.lastTransitionTime() != null)
            .map(PodCondition::lastTransitionTime)
            .orElse(now);
    return new PodCondition(type, status, null, transition, reason, null);
  }

  private static io.cetus.api.core.ContainerStatus containerStatus(
      Pod pod,
      Container container,
      @Nullable List<ContainerStatus> instances,
      @Nullable Waiting waiting,
      String runtimeName,
      Probes probes,
      boolean probed) {
    ContainerStatus latest = PodContainers.latest(instances);
    ContainerStatus previous = PodContainers.previous(instances);
    String image = Objects.requireNonNullElse(container.image(), "");
    if (latest == null) {
      Waiting reason = waiting == null ? new Waiting(Waiting.CONTAINER_CREATING, "") : waiting;
      return new io.cetus.api.core.ContainerStatus(
          container.name(), waiting(reason), null, false, 0, image, "", null, false);
    }
    int restarts = PodContainers.restartCount(latest);
    String containerId = runtimeName + "://" + latest.id();
    String imageId = Objects.requireNonNullElse(latest.imageId(), "");
    if (waiting != null) {
      // Waiting to replace the latest instance (back-off, pull): it is the last state.
      return new io.cetus.api.core.ContainerStatus(
          container.name(),
          waiting(waiting),
          terminated(latest, runtimeName),
          false,
          restarts,
          image,
          imageId,
          containerId,
          false);
    }
    ContainerState last = previous == null ? null : terminated(previous, runtimeName);
    if (latest.running()) {
      boolean started = !probed || probes.started(pod, container.name(), latest);
      boolean ready = started && (!probed || probes.ready(pod, container.name(), latest));
      return new io.cetus.api.core.ContainerStatus(
          container.name(),
          new ContainerState(null, new ContainerStateRunning(latest.startedAt()), null),
          last,
          ready,
          restarts,
          image,
          imageId,
          containerId,
          started);
    }
    ContainerState state =
        latest.state() == io.cetus.nodeagent.runtime.ContainerState.EXITED
            ? terminated(latest, runtimeName)
            : waiting(new Waiting(Waiting.CONTAINER_CREATING, ""));
    return new io.cetus.api.core.ContainerStatus(
        container.name(), state, last, false, restarts, image, imageId, containerId, false);
  }

  private static ContainerState waiting(Waiting waiting) {
    return new ContainerState(
        new ContainerStateWaiting(
            waiting.reason(), waiting.message().isEmpty() ? null : waiting.message()),
        null,
        null);
  }

  private static ContainerState terminated(ContainerStatus instance, String runtimeName) {
    int exitCode = Objects.requireNonNullElse(instance.exitCode(), 0);
    String reason =
        instance.oomKilled()
            ? "OOMKilled"
            : exitCode == 0 && instance.error() == null ? "Completed" : "Error";
    return new ContainerState(
        null,
        null,
        new ContainerStateTerminated(
            exitCode,
            null,
            reason,
            instance.error(),
            instance.startedAt(),
            instance.finishedAt(),
            runtimeName + "://" + instance.id()));
  }

  static boolean succeeded(ContainerStatus instance) {
    return Objects.requireNonNullElse(instance.exitCode(), -1) == 0
        && !instance.oomKilled()
        && instance.error() == null;
  }
}
