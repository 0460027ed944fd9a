package io.cetus.nodeagent.runtime;

/**
 * The runtime does not offer an optional capability (Nomad's {@code DriverExecTaskNotSupported}).
 * Check {@link ContainerRuntime#capabilities()} before calling.
 */
public class UnsupportedCapabilityException extends ContainerRuntimeException {

  public UnsupportedCapabilityException(String runtime, String capability) {
    super("container runtime " + runtime + " does not support " + capability);
  }
}
