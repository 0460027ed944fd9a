package io.cetus.nodeagent.runtime;

import java.util.Objects;

/**
 * What the engine and the machine under it report (Nomad's {@code Fingerprint}), for the Node's
 * {@code status.nodeInfo} and {@code status.capacity}.
 *
 * @param runtimeName the runtime's {@link ContainerRuntime#name() name}
 * @param runtimeVersion the engine's version ({@code 20.10.24})
 * @param apiVersion the engine API version in use
 * @param operatingSystem the host's OS image ({@code Debian GNU/Linux 12 (bookworm)})
 * @param osType {@code linux}
 * @param architecture Go-style architecture ({@code amd64}, {@code arm64}), as {@code nodeInfo}
 *     spells it
 * @param kernelVersion the host kernel's release
 * @param cpus logical CPUs the engine can use
 * @param memoryBytes memory the engine can use
 */
public record RuntimeInfo(
    String runtimeName,
    String runtimeVersion,
    String apiVersion,
    String operatingSystem,
    String osType,
    String architecture,
    String kernelVersion,
    int cpus,
    long memoryBytes) {

  public RuntimeInfo {
    Objects.requireNonNull(runtimeName, "runtimeName");
    Objects.requireNonNull(runtimeVersion, "runtimeVersion");
    Objects.requireNonNull(apiVersion, "apiVersion");
    Objects.requireNonNull(operatingSystem, "operatingSystem");
    Objects.requireNonNull(osType, "osType");
    Objects.requireNonNull(architecture, "architecture");
    Objects.requireNonNull(kernelVersion, "kernelVersion");
  }

  /** {@code nodeInfo.containerRuntimeVersion}: {@code docker://20.10.24}. */
  public String containerRuntimeVersion() {
    return runtimeName + "://" + runtimeVersion;
  }
}
