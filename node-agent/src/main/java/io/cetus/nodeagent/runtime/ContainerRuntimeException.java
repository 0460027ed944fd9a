package io.cetus.nodeagent.runtime;

import org.jspecify.annotations.Nullable;

/**
 * A container engine refused or failed an operation. The base of every exception a {@link
 * ContainerRuntime} throws; the message is meant for a pod's status or an event, so it never
 * carries engine-specific types.
 */
public class ContainerRuntimeException extends RuntimeException {

  public ContainerRuntimeException(String message) {
    super(message);
  }

  public ContainerRuntimeException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
