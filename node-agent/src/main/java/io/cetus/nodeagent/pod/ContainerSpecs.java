package io.cetus.nodeagent.pod;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.cetus.api.core.Container;
import io.cetus.api.core.ContainerPort;
import io.cetus.api.core.Pod;
import io.cetus.api.quantity.Quantity;
import io.cetus.nodeagent.runtime.ContainerSpec;
import io.cetus.nodeagent.runtime.DnsConfig;
import io.cetus.nodeagent.runtime.ImagePullPolicy;
import io.cetus.nodeagent.runtime.Mount;
import io.cetus.nodeagent.runtime.NetworkMode;
import io.cetus.nodeagent.runtime.PortMapping;
import io.cetus.nodeagent.runtime.Protocol;
import io.cetus.nodeagent.runtime.Resources;

/** Maps a pod's sandbox and containers to the runtime's {@link ContainerSpec}s. Pure. */
final class ContainerSpecs {

  private ContainerSpecs() {}

  /** {@link #sandbox(String, Pod, String, String, String, int, DnsConfig)} on engine DNS. */
  static ContainerSpec sandbox(
      String node, Pod pod, String image, String network, String address, int attempt) {
    return sandbox(node, pod, image, network, address, attempt, null);
  }

  /**
   * The sandbox: owns the pod's network namespace on {@code network}, publishing every declared
   * port of every container on the node's address (its {@code hostPort}, or one the engine picks),
   * with the pod's resolver settings ({@link PodDns}), which its containers share.
   */
  static ContainerSpec sandbox(
      String node,
      Pod pod,
      String image,
      String network,
      String address,
      int attempt,
      @Nullable DnsConfig dns) {
    ContainerSpec.Builder builder =
        ContainerSpec.builder(PodContainers.name(pod, PodContainers.SANDBOX, attempt), image)
            .labels(PodContainers.labels(node, pod, PodContainers.SANDBOX, attempt))
            .network(NetworkMode.named(network))
            .hostname(hostname(pod))
            .dns(dns);
    for (Container container : pod.spec().containers()) {
      for (ContainerPort port : container.ports()) {
        builder.port(
            new PortMapping(
                port.containerPort(),
                protocol(port.protocol()),
                address,
                port.hostPort() == null ? 0 : port.hostPort()));
      }
    }
    return builder.build();
  }

  /** An init or app container joined to the sandbox's namespace. */
  static ContainerSpec container(
      String node,
      Pod pod,
      Container container,
      int restartCount,
      String sandboxId,
      Map<String, String> env,
      List<Mount> mounts) {
    ContainerSpec.Builder builder =
        ContainerSpec.builder(
                PodContainers.name(pod, container.name(), restartCount),
                Objects.requireNonNull(container.image(), "image"))
            .pullPolicy(pullPolicy(container))
            .command(container.command())
            .args(container.args())
            .workingDir(container.workingDir())
            .env(env)
            .labels(PodContainers.labels(node, pod, container.name(), restartCount))
            .network(NetworkMode.joinContainer(sandboxId))
            .resources(resources(container))
            .init(true)
            .stdin(Boolean.TRUE.equals(container.stdin()))
            .tty(Boolean.TRUE.equals(container.tty()));
    mounts.forEach(builder::mount);
    return builder.build();
  }

  /** {@code imagePullPolicy}, defaulted as Kubernetes does: {@code Always} for {@code :latest}. */
  static ImagePullPolicy pullPolicy(Container container) {
    String policy = container.imagePullPolicy();
    if (policy == null || policy.isEmpty()) {
      String image = Objects.requireNonNullElse(container.image(), "");
      String last = image.substring(image.lastIndexOf('/') + 1);
      boolean latest = !last.contains(":") && !image.contains("@") || last.endsWith(":latest");
      return latest ? ImagePullPolicy.ALWAYS : ImagePullPolicy.IF_NOT_PRESENT;
    }
    return switch (policy) {
      case "Always" -> ImagePullPolicy.ALWAYS;
      case "Never" -> ImagePullPolicy.NEVER;
      default -> ImagePullPolicy.IF_NOT_PRESENT;
    };
  }

  /** Limits as cgroup limits; requests as the soft memory limit and CPU shares. */
  static Resources resources(Container container) {
    Map<String, Quantity> limits = container.resources().limits();
    Map<String, Quantity> requests = container.resources().requests();
    long memoryLimit = limits.containsKey("memory") ? limits.get("memory").longValue() : 0;
    long memoryRequest = requests.containsKey("memory") ? requests.get("memory").longValue() : 0;
    if (memoryLimit > 0 && memoryRequest > memoryLimit) {
      memoryRequest = memoryLimit;
    }
    long nanoCpus = limits.containsKey("cpu") ? limits.get("cpu").milliValue() * 1_000_000L : 0;
    Quantity cpuRequest = requests.getOrDefault("cpu", limits.get("cpu"));
    long shares = cpuRequest == null ? 0 : Math.max(2, cpuRequest.milliValue() * 1024 / 1000);
    return new Resources(memoryLimit, memoryRequest, nanoCpus, shares);
  }

  private static Protocol protocol(@Nullable String protocol) {
    return protocol == null || protocol.isEmpty()
        ? Protocol.TCP
        : Protocol.valueOf(protocol.toUpperCase(Locale.ROOT));
  }

  private static String hostname(Pod pod) {
    String hostname = pod.spec().hostname();
    String name = hostname == null || hostname.isEmpty() ? pod.metadata().name() : hostname;
    return Objects.requireNonNull(name).length() > 63 ? name.substring(0, 63) : name;
  }
}
