package io.cetus.nodeagent.probe;

import org.jspecify.annotations.Nullable;

import io.cetus.api.core.Container;
import io.cetus.api.core.ContainerPort;
import io.cetus.api.meta.IntOrString;

/** Resolves a probe's port: a number, or the name of one of the container's ports. */
public final class Ports {

  private Ports() {}

  /**
   * @throws IllegalArgumentException if there is no port or no port by that name
   */
  public static int resolve(Container container, @Nullable IntOrString port) {
    if (port == null) {
      throw new IllegalArgumentException("probe without port");
    }
    if (port.isInt()) {
      return port.intValue();
    }
    for (ContainerPort declared : container.ports()) {
      if (port.strValue().equals(declared.name())) {
        return declared.containerPort();
      }
    }
    try {
      return Integer.parseInt(port.strValue());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("container has no port named " + port.strValue());
    }
  }
}
