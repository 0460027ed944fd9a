package io.cetus.nodeagent.runtime;

/** No container has the given id or name on this engine (Nomad's {@code ErrTaskNotFound}). */
public class ContainerNotFoundException extends ContainerRuntimeException {

  private final String container;

  public ContainerNotFoundException(String container) {
    super("no such container: " + container);
    this.container = container;
  }

  /** The id or name that was looked up. */
  public String container() {
    return container;
  }
}
