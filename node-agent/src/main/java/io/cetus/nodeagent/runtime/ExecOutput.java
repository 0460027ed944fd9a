package io.cetus.nodeagent.runtime;

/**
 * Receives an exec'd process' output as it arrives. Calls come from one thread per session, in the
 * order the engine delivered the bytes, and all of them happen before {@link
 * ExecSession#exitCode()} completes. Implementations must not block for long: the session reads
 * nothing more until a call returns.
 */
public interface ExecOutput {

  void stdout(byte[] bytes);

  void stderr(byte[] bytes);

  /** Discards all output. */
  static ExecOutput discard() {
    return new ExecOutput() {
      @Override
      public void stdout(byte[] bytes) {}

      @Override
      public void stderr(byte[] bytes) {}
    };
  }
}
