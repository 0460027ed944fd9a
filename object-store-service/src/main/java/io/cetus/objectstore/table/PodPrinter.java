package io.cetus.objectstore.table;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

import static io.cetus.objectstore.table.Formats.NONE;
import static io.cetus.objectstore.table.Formats.text;

/**
 * Pod rows as kubectl shows them: {@code web-1 1/2 CrashLoopBackOff 5 (30s ago) 10m}.
 *
 * <p>Status is the phase, overridden by {@code status.reason}, then by what the containers report:
 * an init container that has not finished gives {@code Init:<reason>} or {@code Init:1/3}; an app
 * container that is waiting or terminated gives its reason ({@code ContainerCreating}, {@code
 * CrashLoopBackOff}, {@code Completed}, {@code Error}), or {@code ExitCode:N} / {@code Signal:N}
 * when it has none; a pod being deleted is {@code Terminating}. Ready counts the app containers
 * (and sidecar init containers) that are ready and running. Restarts sums restart counts, with the
 * age of the last termination when one is known.
 */
final class PodPrinter implements RowPrinter {

  private static final List<TableColumn> COLUMNS =
      List.of(
          TableColumn.nameColumn(),
          TableColumn.string("Ready", "Ready containers out of all containers."),
          TableColumn.string("Status", "The pod's phase or the reason it is in it."),
          TableColumn.string("Restarts", "Container restarts, and how long ago the last was."),
          TableColumn.ageColumn(),
          TableColumn.wide("IP", "The pod's IP address."),
          TableColumn.wide("Node", "The node the pod is bound to."),
          TableColumn.wide("Nominated Node", "The node the scheduler nominated for the pod."),
          TableColumn.wide("Readiness Gates", "Readiness gates that are true, out of all."));

  @Override
  public List<TableColumn> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(JsonNode pod, Instant now) {
    JsonNode spec = pod.path("spec");
    JsonNode status = pod.path("status");
    String reason = text(pod, "/status/reason");
    if (reason.isEmpty()) {
      reason = text(pod, "/status/phase");
    }
    Restarts restarts = new Restarts();
    Restarts sidecarRestarts = new Restarts();
    int readyContainers = 0;
    int totalContainers = spec.path("containers").size();

    Set<String> sidecars = new HashSet<>();
    for (JsonNode init : spec.path("initContainers")) {
      if ("Always".equals(init.path("restartPolicy").asString(""))) {
        sidecars.add(init.path("name").asString(""));
      }
    }
    totalContainers += sidecars.size();

    boolean initializing = false;
    int initIndex = 0;
    int initCount = spec.path("initContainers").size();
    for (JsonNode container : status.path("initContainerStatuses")) {
      restarts.add(container);
      boolean sidecar = sidecars.contains(container.path("name").asString(""));
      if (sidecar) {
        sidecarRestarts.add(container);
        if (isRunningAndReady(container)) {
          readyContainers++;
        }
      }
      JsonNode state = container.path("state");
      JsonNode terminated = state.path("terminated");
      if (terminated.isObject() && terminated.path("exitCode").asInt(0) == 0) {
        initIndex++;
        continue;
      }
      if (sidecar && container.path("started").asBoolean(false)) {
        initIndex++;
        continue;
      }
      initializing = true;
      String waitingReason = state.path("waiting").path("reason").asString("");
      if (terminated.isObject()) {
        String terminatedReason = terminated.path("reason").asString("");
        reason =
            "Init:" + (terminatedReason.isEmpty() ? exitDescription(terminated) : terminatedReason);
      } else if (!waitingReason.isEmpty() && !waitingReason.equals("PodInitializing")) {
        reason = "Init:" + waitingReason;
      } else {
        reason = "Init:" + initIndex + "/" + initCount;
      }
      break;
    }

    if (!initializing || Formats.hasTrueCondition(pod, "Initialized")) {
      // once initialized, restarts of finished init containers no longer count
      restarts = sidecarRestarts;
      boolean hasRunning = false;
      List<JsonNode> statuses = Formats.list(pod, "/status/containerStatuses");
      for (int i = statuses.size() - 1; i >= 0; i--) {
        JsonNode container = statuses.get(i);
        restarts.add(container);
        JsonNode state = container.path("state");
        String waitingReason = state.path("waiting").path("reason").asString("");
        JsonNode terminated = state.path("terminated");
        if (!waitingReason.isEmpty()) {
          reason = waitingReason;
        } else if (terminated.isObject()) {
          String terminatedReason = terminated.path("reason").asString("");
          reason = terminatedReason.isEmpty() ? exitDescription(terminated) : terminatedReason;
        } else if (isRunningAndReady(container)) {
          hasRunning = true;
          readyContainers++;
        }
      }
      if (reason.equals("Completed") && hasRunning) {
        reason = hasCondition(pod, "Ready") ? "Running" : "NotReady";
      }
    }

    String phase = text(pod, "/status/phase");
    if (!text(pod, "/metadata/deletionTimestamp").isEmpty()) {
      if (text(pod, "/status/reason").equals("NodeLost")) {
        reason = "Unknown";
      } else if (!phase.equals("Succeeded") && !phase.equals("Failed")) {
        reason = "Terminating";
      }
    }

    return List.of(
        Formats.name(pod),
        readyContainers + "/" + totalContainers,
        reason,
        restarts.describe(now),
        Formats.age(pod, now),
        podIp(pod),
        Formats.textOr(pod, "/spec/nodeName", NONE),
        Formats.textOr(pod, "/status/nominatedNodeName", NONE),
        readinessGates(pod));
  }

  private static boolean isRunningAndReady(JsonNode container) {
    return container.path("ready").asBoolean(false)
        && container.path("state").path("running").isObject();
  }

  private static String exitDescription(JsonNode terminated) {
    int signal = terminated.path("signal").asInt(0);
    return signal != 0 ? "Signal:" + signal : "ExitCode:" + terminated.path("exitCode").asInt(0);
  }

  private static boolean hasCondition(JsonNode pod, String type) {
    for (JsonNode condition : pod.path("status").path("conditions")) {
      if (type.equals(condition.path("type").asString(""))) {
        return true;
      }
    }
    return false;
  }

  private static String podIp(JsonNode pod) {
    String first = text(pod, "/status/podIPs/0/ip");
    return !first.isEmpty() ? first : Formats.textOr(pod, "/status/podIP", NONE);
  }

  private static String readinessGates(JsonNode pod) {
    List<JsonNode> gates = Formats.list(pod, "/spec/readinessGates");
    if (gates.isEmpty()) {
      return NONE;
    }
    int met = 0;
    for (JsonNode gate : gates) {
      if (Formats.hasTrueCondition(pod, gate.path("conditionType").asString(""))) {
        met++;
      }
    }
    return met + "/" + gates.size();
  }

  /** Restart counts and the latest time a container terminated before its current run. */
  private static final class Restarts {
    private long count;
    private @Nullable Instant last;

    void add(JsonNode containerStatus) {
      count += containerStatus.path("restartCount").asLong(0);
      Instant finished = Formats.time(containerStatus, "/lastState/terminated/finishedAt");
      if (finished != null && (last == null || finished.isAfter(last))) {
        last = finished;
      }
    }

    String describe(Instant now) {
      return last == null
          ? Long.toString(count)
          : count + " (" + Formats.since(last, now) + " ago)";
    }
  }
}
