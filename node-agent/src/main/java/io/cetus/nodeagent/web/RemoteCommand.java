package io.cetus.nodeagent.web;

import java.util.List;

/**
 * An {@code exec} or {@code attach} request, resolved and checked before the WebSocket upgrade.
 *
 * @param containerId the engine's id of the running container
 * @param command the argument vector of an exec; empty for an attach
 * @param stdin the client sends stdin on channel 0 and the process reads it
 * @param stdout the client wants stdout on channel 1
 * @param stderr the client wants stderr on channel 2 (never with {@code tty})
 * @param tty one terminal stream on channel 1, resizable on channel 4
 */
record RemoteCommand(
    Kind kind,
    String namespace,
    String pod,
    String container,
    String containerId,
    List<String> command,
    boolean stdin,
    boolean stdout,
    boolean stderr,
    boolean tty) {

  enum Kind {
    EXEC,
    ATTACH
  }

  RemoteCommand {
    command = List.copyOf(command);
  }
}
