package io.cetus.nodeagent.probe;

/** The outcome of one probe attempt; {@code message} says why it failed. */
record ProbeResult(boolean success, String message) {

  static ProbeResult ok() {
    return new ProbeResult(true, "");
  }

  static ProbeResult failed(String message) {
    return new ProbeResult(false, message);
  }
}
