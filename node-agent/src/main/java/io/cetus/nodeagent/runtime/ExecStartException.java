package io.cetus.nodeagent.runtime;

/**
 * An exec'd command could not be started at all (its executable does not exist or cannot be run),
 * as opposed to a command that ran and exited non-zero. {@link ExecSession#exitCode()} fails with
 * it, and the engine's message is its message rather than output of the session.
 */
public class ExecStartException extends ContainerRuntimeException {

  public ExecStartException(String message) {
    super(message);
  }
}
