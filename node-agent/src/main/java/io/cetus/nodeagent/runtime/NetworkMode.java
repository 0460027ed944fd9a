package io.cetus.nodeagent.runtime;

import java.util.List;
import java.util.Objects;

/**
 * Which network namespace a container gets. A pod's sandbox joins a {@link Named} network (the
 * engine network {@code cetus} by default) and owns the namespace; the pod's other containers
 * {@link JoinContainer join} it, so they share its address, {@code localhost} and ports.
 */
public sealed interface NetworkMode {

  /** The engine network pods attach to unless the agent is configured otherwise. */
  String DEFAULT_POD_NETWORK = "cetus";

  /** The engine's default network (Docker's {@code bridge}). */
  record EngineDefault() implements NetworkMode {}

  /** The node's own network namespace ({@code hostNetwork: true}). */
  record Host() implements NetworkMode {}

  /** A loopback interface only. */
  record None() implements NetworkMode {}

  /** An engine network by name, reachable from its other members under the given aliases. */
  record Named(String network, List<String> aliases) implements NetworkMode {
    public Named {
      Objects.requireNonNull(network, "network");
      if (network.isBlank()) {
        throw new IllegalArgumentException("network name must not be blank");
      }
      aliases = List.copyOf(aliases);
    }
  }

  /**
   * The namespace of another container (Docker's {@code container:<id>}). Such a container has no
   * address, hostname or published ports of its own: it uses those of the owner.
   */
  record JoinContainer(String containerId) implements NetworkMode {
    public JoinContainer {
      Objects.requireNonNull(containerId, "containerId");
      if (containerId.isBlank()) {
        throw new IllegalArgumentException("containerId must not be blank");
      }
    }
  }

  static NetworkMode engineDefault() {
    return new EngineDefault();
  }

  static NetworkMode named(String network, String... aliases) {
    return new Named(network, List.of(aliases));
  }

  static NetworkMode joinContainer(String containerId) {
    return new JoinContainer(containerId);
  }
}
