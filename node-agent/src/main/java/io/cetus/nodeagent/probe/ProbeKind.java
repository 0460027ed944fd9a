package io.cetus.nodeagent.probe;

/** The three probes a container may have. */
public enum ProbeKind {
  LIVENESS("Liveness"),
  READINESS("Readiness"),
  STARTUP("Startup");

  private final String displayName;

  ProbeKind(String displayName) {
    this.displayName = displayName;
  }

  /** As events name it: {@code Liveness probe failed: ...}. */
  public String displayName() {
    return displayName;
  }
}
