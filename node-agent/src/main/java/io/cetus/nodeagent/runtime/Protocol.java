package io.cetus.nodeagent.runtime;

/** Transport protocol of a container port, as a Kubernetes {@code containerPort.protocol}. */
public enum Protocol {
  TCP,
  UDP,
  SCTP;

  /** The lower-case spelling engines use ({@code tcp}). */
  public String lowerCase() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
