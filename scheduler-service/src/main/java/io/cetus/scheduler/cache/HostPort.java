package io.cetus.scheduler.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.cetus.api.core.Container;
import io.cetus.api.core.ContainerPort;
import io.cetus.api.core.Pod;
import io.cetus.api.core.PodSpec;

/**
 * A port a pod takes on its node's address: {@code hostPort} of a container port, with its protocol
 * and host IP ({@code 0.0.0.0} when unset, meaning every address).
 */
public record HostPort(String protocol, String hostIP, int port) {

  private static final String ANY_ADDRESS = "0.0.0.0";
  private static final Set<String> WILDCARDS = Set.of(ANY_ADDRESS, "::", "");

  /** The host ports of a pod's containers and sidecars. */
  public static List<HostPort> of(Pod pod) {
    List<HostPort> ports = new ArrayList<>();
    PodSpec spec = pod.spec();
    List<Container> containers = new ArrayList<>(spec.containers());
    for (Container init : spec.initContainers()) {
      if (PodSpec.RESTART_ALWAYS.equals(init.restartPolicy())) {
        containers.add(init);
      }
    }
    for (Container container : containers) {
      for (ContainerPort port : container.ports()) {
        Integer hostPort = port.hostPort();
        if (hostPort != null && hostPort > 0) {
          ports.add(
              new HostPort(
                  port.protocol() == null || port.protocol().isEmpty() ? "TCP" : port.protocol(),
                  port.hostIP() == null || port.hostIP().isEmpty() ? ANY_ADDRESS : port.hostIP(),
                  hostPort));
        }
      }
    }
    return ports;
  }

  /**
   * Whether both cannot be bound at once: same port and protocol, and the same address or either
   * one on every address.
   */
  public boolean conflictsWith(HostPort other) {
    return port == other.port
        && protocol.equals(other.protocol)
        && (hostIP.equals(other.hostIP)
            || WILDCARDS.contains(hostIP)
            || WILDCARDS.contains(other.hostIP));
  }
}
