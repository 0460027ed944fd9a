package io.cetus.nodeagent.node;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.cetus.api.core.DaemonEndpoint;
import io.cetus.api.core.NodeAddress;
import io.cetus.api.core.NodeCondition;
import io.cetus.api.core.NodeDaemonEndpoints;
import io.cetus.api.core.NodeStatus;
import io.cetus.api.core.NodeSystemInfo;
import io.cetus.api.meta.Condition;
import io.cetus.api.quantity.Quantity;
import io.cetus.nodeagent.runtime.RuntimeInfo;

/**
 * Computes a Node's labels and status from what the container runtime reports. Pure: the time and
 * the previous status come in, so transition times survive heartbeats that change nothing.
 */
public final class NodeStatuses {

  /** The {@code kubeletVersion} the agent reports: the Kubernetes API version it speaks. */
  public static final String AGENT_VERSION = "v1.32.4-cetus";

  static final String READY_REASON = "KubeletReady";
  static final String NOT_READY_REASON = "ContainerRuntimeUnavailable";

  private NodeStatuses() {}

  /** {@code kubernetes.io/hostname}, {@code kubernetes.io/os} and {@code kubernetes.io/arch}. */
  public static Map<String, String> labels(String nodeName, @Nullable RuntimeInfo info) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("kubernetes.io/hostname", nodeName);
    labels.put("kubernetes.io/os", "linux");
    labels.put("kubernetes.io/arch", info == null ? hostArchitecture() : info.architecture());
    return labels;
  }

  /**
   * The status to report.
   *
   * @param info what the runtime answered, or null if it did not ({@code runtimeError} says why)
   * @param port the agent's HTTP port, published as {@code daemonEndpoints.kubeletEndpoint.Port}
   *     (where the gateway sends a pod's {@code log}, {@code exec} and {@code attach}); 0 while it
   *     is not known yet, which keeps the previous value
   */
  public static NodeStatus status(
      NodeStatus previous,
      @Nullable RuntimeInfo info,
      @Nullable String runtimeError,
      String address,
      String hostname,
      int maxPods,
      int port,
      Instant now) {
    Map<String, Quantity> capacity = new LinkedHashMap<>(previous.capacity());
    if (info != null) {
      capacity.put("cpu", Quantity.of(info.cpus()));
      capacity.put("memory", Quantity.parse(info.memoryBytes() / 1024 + "Ki"));
    }
    capacity.put("pods", Quantity.of(maxPods));
    NodeSystemInfo nodeInfo =
        info == null
            ? previous.nodeInfo()
            : new NodeSystemInfo(
                "",
                "",
                "",
                info.kernelVersion(),
                info.operatingSystem(),
                info.containerRuntimeVersion(),
                AGENT_VERSION,
                "",
                info.osType().isEmpty() ? "linux" : info.osType(),
                info.architecture());
    List<NodeCondition> conditions = new ArrayList<>();
    conditions.add(
        info == null
            ? condition(
                previous,
                NodeCondition.READY,
                "False",
                NOT_READY_REASON,
                "container runtime is down: " + Objects.requireNonNullElse(runtimeError, "unknown"),
                now)
            : condition(
                previous,
                NodeCondition.READY,
                "True",
                READY_REASON,
                "node agent is posting ready status",
                now));
    conditions.add(
        condition(
            previous,
            "MemoryPressure",
            "False",
            "KubeletHasSufficientMemory",
            "node agent has sufficient memory available",
            now));
    conditions.add(
        condition(
            previous,
            "DiskPressure",
            "False",
            "KubeletHasNoDiskPressure",
            "node agent has no disk pressure",
            now));
    conditions.add(
        condition(
            previous,
            "PIDPressure",
            "False",
            "KubeletHasSufficientPID",
            "node agent has sufficient PID available",
            now));
    return new NodeStatus(
        capacity,
        capacity,
        conditions,
        List.of(new NodeAddress("InternalIP", address), new NodeAddress("Hostname", hostname)),
        port > 0 ? new NodeDaemonEndpoints(new DaemonEndpoint(port)) : previous.daemonEndpoints(),
        nodeInfo);
  }

  private static NodeCondition condition(
      NodeStatus previous, String type, String status, String reason, String message, Instant now) {
    Instant transition =
        Condition.find(previous.conditions(), type)
            .filter(old -> old.status().equals(status) && old.lastTransitionTime() != null)
            .map(NodeCondition::lastTransitionTime)
            .orElse(now);
    return new NodeCondition(type, status, now, transition, reason, message);
  }

  /** The JVM's architecture in Go's spelling, as {@code kubernetes.io/arch} wants it. */
  static String hostArchitecture() {
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    return switch (arch) {
      case "x86_64", "amd64" -> "amd64";
      case "aarch64", "arm64" -> "arm64";
      default -> arch;
    };
  }
}
