package io.cetus.nodeagent.runtime;

import java.time.Instant;
import java.util.Objects;

/**
 * What the node agent keeps about a container it started, enough to {@link ContainerRuntime#recover
 * recover} it after a restart (Nomad's {@code TaskHandle}).
 *
 * @param version format of this record, so a stored handle can change shape later ({@link
 *     #CURRENT_VERSION})
 * @param containerId the engine's id
 * @param spec what the container was started from
 * @param startedAt when the engine started it
 */
public record ContainerHandle(
    int version, String containerId, ContainerSpec spec, Instant startedAt) {

  public static final int CURRENT_VERSION = 1;

  public ContainerHandle {
    Objects.requireNonNull(containerId, "containerId");
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(startedAt, "startedAt");
  }

  public ContainerHandle(String containerId, ContainerSpec spec, Instant startedAt) {
    this(CURRENT_VERSION, containerId, spec, startedAt);
  }
}
