package io.cetus.nodeagent.runtime;

/** Where a container is in its lifecycle (see the diagram on {@link ContainerRuntime}). */
public enum ContainerState {
  /** Created, never started. */
  CREATED,
  /** Its process runs. */
  RUNNING,
  /** Its process ended; the exit code is known. */
  EXITED
}
