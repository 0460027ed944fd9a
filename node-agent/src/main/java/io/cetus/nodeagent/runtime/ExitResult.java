package io.cetus.nodeagent.runtime;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * How a container ended (Nomad's {@code ExitResult}).
 *
 * @param exitCode the process' exit code; 128 + n when signal n killed it (137 for SIGKILL, 143 for
 *     SIGTERM)
 * @param oomKilled the kernel killed it for exceeding its memory limit (see the runtime's rule)
 * @param error why the engine could not run or keep running it, if it says so
 * @param finishedAt when it exited
 */
public record ExitResult(
    int exitCode, boolean oomKilled, @Nullable String error, Instant finishedAt) {

  public ExitResult {
    Objects.requireNonNull(finishedAt, "finishedAt");
    if (error != null && error.isBlank()) {
      error = null;
    }
  }

  /** Exit code 0, not killed, no engine error: Kubernetes' {@code Completed}. */
  public boolean successful() {
    return exitCode == 0 && !oomKilled && error == null;
  }
}
