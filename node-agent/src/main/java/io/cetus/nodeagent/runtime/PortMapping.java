package io.cetus.nodeagent.runtime;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A container port published on the node. In a {@link ContainerSpec}, {@code hostPort} 0 asks the
 * engine to pick a free port and a null {@code hostIp} publishes on every address; in a {@link
 * ContainerStatus} the same record names the port the engine actually bound.
 */
public record PortMapping(
    int containerPort, Protocol protocol, @Nullable String hostIp, int hostPort) {

  public PortMapping {
    Objects.requireNonNull(protocol, "protocol");
    if (containerPort < 1 || containerPort > 65535) {
      throw new IllegalArgumentException("containerPort must be 1-65535: " + containerPort);
    }
    if (hostPort < 0 || hostPort > 65535) {
      throw new IllegalArgumentException("hostPort must be 0-65535: " + hostPort);
    }
    if (hostIp != null && hostIp.isBlank()) {
      hostIp = null;
    }
  }

  /** A TCP port published on every address, on a port the engine picks. */
  public static PortMapping tcp(int containerPort) {
    return new PortMapping(containerPort, Protocol.TCP, null, 0);
  }

  /** A TCP port published on one address; {@code hostPort} 0 lets the engine pick. */
  public static PortMapping tcp(int containerPort, @Nullable String hostIp, int hostPort) {
    return new PortMapping(containerPort, Protocol.TCP, hostIp, hostPort);
  }
}
