package io.cetus.nodeagent.runtime;

import java.util.List;

/**
 * A command to run inside a running container.
 *
 * @param command the argument vector, run without a shell ({@code ["sh", "-c", "..."]} for one)
 * @param stdin the process reads what the caller writes to {@link ExecSession#stdin()}
 * @param tty run it on a terminal: its output is one stream (delivered as stdout) and may contain
 *     terminal control sequences
 */
public record ExecRequest(List<String> command, boolean stdin, boolean tty) {

  public ExecRequest {
    command = List.copyOf(command);
    if (command.isEmpty()) {
      throw new IllegalArgumentException("command must not be empty");
    }
  }

  /** Output only: no stdin, no terminal. */
  public static ExecRequest of(List<String> command) {
    return new ExecRequest(command, false, false);
  }
}
