package io.cetus.nodeagent.runtime;

import java.util.Objects;

/**
 * The outcome of a command run to completion, as an exec probe sees it. Output is decoded as UTF-8
 * and cut after {@link #MAX_OUTPUT_BYTES} per stream, as the kubelet cuts probe output.
 */
public record ExecResult(int exitCode, String stdout, String stderr) {

  /** Output kept per stream. */
  public static final int MAX_OUTPUT_BYTES = 16 * 1024;

  public ExecResult {
    Objects.requireNonNull(stdout, "stdout");
    Objects.requireNonNull(stderr, "stderr");
  }

  public boolean successful() {
    return exitCode == 0;
  }
}
