package io.cetus.nodeagent.runtime;

import java.time.Duration;
import java.util.List;

/**
 * A command run by {@link ContainerRuntime#exec(String, List, Duration)} did not finish in time.
 * Engines cannot kill an exec'd process, so it may still be running; an exec probe counts this as a
 * failure.
 */
public class ExecTimeoutException extends ContainerRuntimeException {

  public ExecTimeoutException(String containerId, List<String> command, Duration timeout) {
    super("command " + command + " in container " + containerId + " timed out after " + timeout);
  }
}
