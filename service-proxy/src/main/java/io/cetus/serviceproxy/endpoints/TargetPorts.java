package io.cetus.serviceproxy.endpoints;

import java.util.List;
import java.util.OptionalInt;

import org.jspecify.annotations.Nullable;

import io.cetus.api.core.Container;
import io.cetus.api.core.ContainerPort;
import io.cetus.api.core.Pod;
import io.cetus.api.core.PodSpec;
import io.cetus.api.core.ServicePort;
import io.cetus.api.meta.IntOrString;

/**
 * Resolves a service port's {@code targetPort} on one pod, as Kubernetes' {@code FindPort}: a
 * number is the port; a name is the {@code containerPort} of the pod's container port of that name
 * and the service port's protocol, looked up in the app containers, then in the sidecars (init
 * containers with {@code restartPolicy: Always}). No {@code targetPort} means the service port's
 * own number, as the API server's defaulting sets it.
 */
final class TargetPorts {

  static final String TCP = "TCP";

  private TargetPorts() {}

  /** The pod's port for {@code servicePort}, or empty if the pod has no port of that name. */
  static OptionalInt resolve(Pod pod, ServicePort servicePort) {
    IntOrString target = servicePort.targetPort();
    if (target == null) {
      return OptionalInt.of(servicePort.port());
    }
    if (target.isInt()) {
      return OptionalInt.of(target.intValue());
    }
    String name = target.strValue();
    String protocol = protocolOf(servicePort.protocol());
    OptionalInt found = find(pod.spec().containers(), name, protocol, false);
    return found.isPresent() ? found : find(pod.spec().initContainers(), name, protocol, true);
  }

  /** A protocol as the API server defaults it: TCP when absent. */
  static String protocolOf(@Nullable String protocol) {
    return protocol == null || protocol.isEmpty() ? TCP : protocol;
  }

  private static OptionalInt find(
      List<Container> containers, String name, String protocol, boolean sidecarsOnly) {
    for (Container container : containers) {
      if (sidecarsOnly && !PodSpec.RESTART_ALWAYS.equals(container.restartPolicy())) {
        continue;
      }
      for (ContainerPort port : container.ports()) {
        if (name.equals(port.name()) && protocol.equals(protocolOf(port.protocol()))) {
          return OptionalInt.of(port.containerPort());
        }
      }
    }
    return OptionalInt.empty();
  }
}
