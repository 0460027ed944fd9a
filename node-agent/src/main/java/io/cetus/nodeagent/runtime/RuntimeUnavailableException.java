package io.cetus.nodeagent.runtime;

import org.jspecify.annotations.Nullable;

/**
 * The container engine does not answer (daemon down, socket missing, connection refused or timed
 * out). Nothing is known about the outcome of the call; retry later. The node reports itself not
 * ready while this lasts.
 */
public class RuntimeUnavailableException extends ContainerRuntimeException {

  public RuntimeUnavailableException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
