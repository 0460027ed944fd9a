package io.cetus.nodeagent.web;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.SubProtocolCapable;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;

import io.cetus.nodeagent.runtime.AttachRequest;
import io.cetus.nodeagent.runtime.ContainerRuntime;
import io.cetus.nodeagent.runtime.ExecRequest;

/**
 * The WebSocket side of {@code exec} and {@code attach}: one {@link RemoteCommandStream} per
 * connection, started once the upgrade is done with the {@link RemoteCommand} the {@link
 * RemoteCommandHandshake} resolved. Offers {@code v5.channel.k8s.io} and {@code v4.channel.k8s.io};
 * the handshake echoes the one chosen.
 */
final class RemoteCommandHandler implements WebSocketHandler, SubProtocolCapable {

  /** Large enough for the stdin chunks of {@code kubectl cp}; Tomcat's default is 8 KiB. */
  static final int MAX_MESSAGE_BYTES = 1024 * 1024;

  private final ContainerRuntime runtime;
  private final Map<String, RemoteCommandStream> streams = new ConcurrentHashMap<>();

  RemoteCommandHandler(ContainerRuntime runtime) {
    this.runtime = runtime;
  }

  @Override
  public List<String> getSubProtocols() {
    return RemoteCommandProtocol.NAMES;
  }

  @Override
  public void afterConnectionEstablished(WebSocketSession session) {
    session.setBinaryMessageSizeLimit(MAX_MESSAGE_BYTES);
    RemoteCommand command =
        (RemoteCommand) session.getAttributes().get(RemoteCommandHandshake.ATTRIBUTE);
    if (command == null) {
      closeQuietly(session, CloseStatus.SERVER_ERROR);
      return;
    }
    boolean v5 = RemoteCommandProtocol.V5.equals(session.getAcceptedProtocol());
    RemoteCommandStream stream = new RemoteCommandStream(session, command, v5);
    streams.put(session.getId(), stream);
    stream.start(
        output ->
            switch (command.kind()) {
              case EXEC ->
                  runtime.exec(
                      command.containerId(),
                      new ExecRequest(command.command(), command.stdin(), command.tty()),
                      output);
              case ATTACH ->
                  runtime.attach(
                      command.containerId(),
                      new AttachRequest(command.stdin(), command.stdout(), command.stderr()),
                      output);
            });
  }

  @Override
  public void handleMessage(WebSocketSession session, WebSocketMessage<?> message) {
    RemoteCommandStream stream = streams.get(session.getId());
    if (stream != null && message instanceof BinaryMessage binary) {
      stream.received(binary.getPayload());
    }
  }

  @Override
  public void handleTransportError(WebSocketSession session, Throwable exception) {
    RemoteCommandStream stream = streams.remove(session.getId());
    if (stream != null) {
      stream.clientGone();
    }
    closeQuietly(session, CloseStatus.SERVER_ERROR);
  }

  @Override
  public void afterConnectionClosed(WebSocketSession session, CloseStatus closeStatus) {
    RemoteCommandStream stream = streams.remove(session.getId());
    if (stream != null) {
      stream.clientGone();
    }
  }

  @Override
  public boolean supportsPartialMessages() {
    return false;
  }

  private static void closeQuietly(WebSocketSession session, CloseStatus status) {
    try {
      session.close(status);
    } catch (java.io.IOException e) {
      // already gone
    }
  }
}
