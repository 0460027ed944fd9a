package io.cetus.nodeagent.runtime;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A container as the engine reports it now.
 *
 * @param id the engine's full id
 * @param name the container's name (no leading slash)
 * @param image the image reference it was created from
 * @param imageId the engine's id of that image, if known
 * @param labels its labels
 * @param state created, running or exited
 * @param exitCode set once {@link ContainerState#EXITED}
 * @param oomKilled it exited because it exceeded its memory limit
 * @param error the engine's error message, if it failed to run it
 * @param createdAt when it was created
 * @param startedAt when it last started; null if never
 * @param finishedAt when it exited; null while it has not
 * @param ipAddress its address on its network while running; for a container joined to another's
 *     namespace, the owner's address
 * @param publishedPorts the ports bound on the node, with the host ports the engine picked; empty
 *     unless running
 */
public record ContainerStatus(
    String id,
    String name,
    String image,
    @Nullable String imageId,
    Map<String, String> labels,
    ContainerState state,
    @Nullable Integer exitCode,
    boolean oomKilled,
    @Nullable String error,
    @Nullable Instant createdAt,
    @Nullable Instant startedAt,
    @Nullable Instant finishedAt,
    @Nullable String ipAddress,
    List<PortMapping> publishedPorts) {

  public ContainerStatus {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(image, "image");
    labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    Objects.requireNonNull(state, "state");
    publishedPorts = List.copyOf(publishedPorts);
    if (error != null && error.isBlank()) {
      error = null;
    }
  }

  public boolean running() {
    return state == ContainerState.RUNNING;
  }

  /** The host port bound for a TCP container port, if it is published. */
  public @Nullable Integer hostPort(int containerPort) {
    return publishedPorts.stream()
        .filter(p -> p.containerPort() == containerPort && p.protocol() == Protocol.TCP)
        .map(PortMapping::hostPort)
        .findFirst()
        .orElse(null);
  }
}
