package io.cetus.nodeagent.runtime.docker;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import io.cetus.nodeagent.runtime.ContainerState;
import io.cetus.nodeagent.runtime.ContainerStatus;
import io.cetus.nodeagent.runtime.ExitResult;
import io.cetus.nodeagent.runtime.PortMapping;
import io.cetus.nodeagent.runtime.Protocol;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.NetworkSettings;
import com.github.dockerjava.api.model.Ports;

/**
 * Maps Docker's inspect answers to {@link ContainerStatus} and {@link ExitResult}. Pure, so the
 * rules (state names, the OOM rule, addresses, published ports) are unit-tested without an engine.
 */
final class DockerStatuses {

  /** SIGKILL's exit code: what the kernel's OOM killer leaves. */
  static final int SIGKILL_EXIT = 137;

  private static final String NETWORK_MODE_CONTAINER = "container:";

  private DockerStatuses() {}

  /**
   * The OOM rule. Docker's {@code State.OOMKilled} is racy on cgroup v1 (pitfall P6: false in some
   * runs although the kernel killed the process), while its {@code oom} event is reliable. A
   * container counts as OOM-killed when Docker's flag says so, or when it exited with 137 (SIGKILL)
   * while it had a memory limit and an {@code oom} event was seen for it. A 137 without the event
   * is a plain kill (for instance the SIGKILL after a stop's grace period).
   */
  static boolean oomKilled(
      boolean dockerFlag, long exitCode, long memoryLimitBytes, boolean oomEventSeen) {
    return dockerFlag || (exitCode == SIGKILL_EXIT && memoryLimitBytes > 0 && oomEventSeen);
  }

  /**
   * Whether an exit might be an OOM kill whose {@code oom} event has not arrived yet: 137 with a
   * memory limit, and neither the flag nor the event says so.
   */
  static boolean possiblyOomKilled(InspectContainerResponse response, boolean oomEventSeen) {
    var state = response.getState();
    return exitCode(response) == SIGKILL_EXIT
        && memoryLimit(response) > 0
        && !Boolean.TRUE.equals(state.getOOMKilled())
        && !oomEventSeen;
  }

  static ContainerStatus status(
      InspectContainerResponse response, boolean oomEventSeen, @Nullable String joinedOwnerIp) {
    var state = response.getState();
    ContainerState containerState =
        state(state.getStatus(), state.getRunning(), state.getStartedAt());
    boolean exited = containerState == ContainerState.EXITED;
    boolean running = containerState == ContainerState.RUNNING;
    var config = response.getConfig();
    Map<String, String> labels =
        config != null && config.getLabels() != null ? config.getLabels() : Map.of();
    String image = config != null && config.getImage() != null ? config.getImage() : "";
    return new ContainerStatus(
        response.getId(),
        name(response.getName()),
        image,
        response.getImageId(),
        labels,
        containerState,
        exited ? exitCode(response) : null,
        exited && oomKilled(response, oomEventSeen),
        state.getError(),
        time(response.getCreated()),
        time(state.getStartedAt()),
        exited ? finishedAt(response) : null,
        running
            ? (joinedOwnerIp != null ? joinedOwnerIp : ipAddress(response.getNetworkSettings()))
            : null,
        running ? publishedPorts(response.getNetworkSettings()) : List.of());
  }

  static ExitResult exitResult(
      InspectContainerResponse response, boolean oomEventSeen, Instant fallbackTime) {
    Instant finishedAt = finishedAt(response);
    return new ExitResult(
        exitCode(response),
        oomKilled(response, oomEventSeen),
        response.getState().getError(),
        finishedAt != null ? finishedAt : fallbackTime);
  }

  /**
   * Docker stamps start and finish from different reads of the clock; a container that exits at
   * once can show a finish a millisecond before its start. Never report a finish before the start.
   */
  private static @Nullable Instant finishedAt(InspectContainerResponse response) {
    Instant finished = time(response.getState().getFinishedAt());
    Instant started = time(response.getState().getStartedAt());
    return finished != null && started != null && finished.isBefore(started) ? started : finished;
  }

  static boolean exited(InspectContainerResponse response) {
    var state = response.getState();
    return state(state.getStatus(), state.getRunning(), state.getStartedAt())
        == ContainerState.EXITED;
  }

  /** The namespace owner of a container in {@code container:<id>} network mode, if it is one. */
  static @Nullable String networkNamespaceOwner(InspectContainerResponse response) {
    var host = response.getHostConfig();
    String mode = host != null ? host.getNetworkMode() : null;
    return mode != null && mode.startsWith(NETWORK_MODE_CONTAINER)
        ? mode.substring(NETWORK_MODE_CONTAINER.length())
        : null;
  }

  static ContainerState state(
      @Nullable String status, @Nullable Boolean running, @Nullable String startedAt) {
    if (status != null) {
      switch (status) {
        case "created":
          return ContainerState.CREATED;
        case "running", "paused", "restarting":
          return ContainerState.RUNNING;
        case "exited", "dead", "removing":
          return ContainerState.EXITED;
        default:
          break;
      }
    }
    if (Boolean.TRUE.equals(running)) {
      return ContainerState.RUNNING;
    }
    return time(startedAt) == null ? ContainerState.CREATED : ContainerState.EXITED;
  }

  /** Docker's timestamps; its zero time ({@code 0001-01-01T00:00:00Z}) means "never". */
  static @Nullable Instant time(@Nullable String value) {
    if (value == null || value.isBlank() || value.startsWith("0001-01-01")) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static @Nullable String ipAddress(@Nullable NetworkSettings settings) {
    if (settings == null) {
      return null;
    }
    Map<String, ContainerNetwork> networks = settings.getNetworks();
    if (networks != null) {
      // Sorted, so a container on several networks always reports the same one.
      for (ContainerNetwork network : new TreeMap<>(networks).values()) {
        if (network != null && notBlank(network.getIpAddress())) {
          return network.getIpAddress();
        }
      }
    }
    return notBlank(settings.getIpAddress()) ? settings.getIpAddress() : null;
  }

  static List<PortMapping> publishedPorts(@Nullable NetworkSettings settings) {
    Ports ports = settings != null ? settings.getPorts() : null;
    if (ports == null) {
      return List.of();
    }
    Set<PortMapping> published = new LinkedHashSet<>();
    for (Map.Entry<ExposedPort, Ports.Binding[]> entry : ports.getBindings().entrySet()) {
      if (entry.getValue() == null) {
        continue;
      }
      for (Ports.Binding binding : entry.getValue()) {
        Integer hostPort = parsePort(binding.getHostPortSpec());
        if (hostPort != null) {
          published.add(
              new PortMapping(
                  entry.getKey().getPort(),
                  protocol(entry.getKey().getProtocol().name()),
                  binding.getHostIp(),
                  hostPort));
        }
      }
    }
    List<PortMapping> sorted = new ArrayList<>(published);
    sorted.sort(
        Comparator.comparingInt(PortMapping::containerPort)
            .thenComparing(PortMapping::protocol)
            .thenComparing(p -> Objects.toString(p.hostIp(), "")));
    return sorted;
  }

  /** Go's architecture names, which {@code nodeInfo.architecture} uses. */
  static String architecture(@Nullable String dockerArchitecture) {
    if (dockerArchitecture == null) {
      return "";
    }
    return switch (dockerArchitecture) {
      case "x86_64" -> "amd64";
      case "aarch64" -> "arm64";
      case "armv7l", "armhf" -> "arm";
      case "i386", "i686" -> "386";
      default -> dockerArchitecture;
    };
  }

  private static boolean oomKilled(InspectContainerResponse response, boolean oomEventSeen) {
    return oomKilled(
        Boolean.TRUE.equals(response.getState().getOOMKilled()),
        exitCode(response),
        memoryLimit(response),
        oomEventSeen);
  }

  private static int exitCode(InspectContainerResponse response) {
    Long code = response.getState().getExitCodeLong();
    return code == null ? 0 : code.intValue();
  }

  private static long memoryLimit(InspectContainerResponse response) {
    var host = response.getHostConfig();
    Long memory = host != null ? host.getMemory() : null;
    return memory == null ? 0 : memory;
  }

  private static String name(@Nullable String name) {
    if (name == null) {
      return "";
    }
    return name.startsWith("/") ? name.substring(1) : name;
  }

  private static Protocol protocol(String protocol) {
    return Protocol.valueOf(protocol.toUpperCase(Locale.ROOT));
  }

  private static @Nullable Integer parsePort(@Nullable String spec) {
    if (spec == null || spec.isBlank()) {
      return null;
    }
    try {
      return Integer.parseInt(spec.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static boolean notBlank(@Nullable String value) {
    return value != null && !value.isBlank();
  }
}
