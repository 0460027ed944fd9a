package io.cetus.nodeagent.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;

import io.cetus.api.errors.Reason;
import io.cetus.api.errors.Status;
import io.cetus.api.errors.StatusCause;
import io.cetus.api.errors.StatusDetails;
import io.cetus.api.json.Json;
import io.cetus.nodeagent.runtime.ContainerRuntimeException;
import io.cetus.nodeagent.runtime.ExecOutput;
import io.cetus.nodeagent.runtime.ExecSession;
import io.cetus.nodeagent.runtime.ExecStartException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One {@code exec} or {@code attach} connection. Output arrives on the runtime's threads and is
 * sent in order, one binary message per chunk, under a lock (a slow client slows the process down
 * rather than filling memory). Client messages arrive on the connection's thread: stdin, resize,
 * and with {@code v5.channel.k8s.io} the close signal for stdin.
 *
 * <pre>
 *  start ──► process running ──exit code──► channel 3: Success | NonZeroExitCode ──► Close 1000
 *               │      └──────cannot start / broke──► channel 3: InternalError ───────► Close 1000
 *               └──client goes away──► process session closed (output no longer read)
 * </pre>
 */
final class RemoteCommandStream implements ExecOutput {

  private static final Logger log = LoggerFactory.getLogger(RemoteCommandStream.class);

  private final WebSocketSession socket;
  private final RemoteCommand command;
  private final boolean v5;
  private final ReentrantLock sending = new ReentrantLock();
  private final AtomicBoolean finished = new AtomicBoolean();
  private volatile @Nullable ExecSession process;

  RemoteCommandStream(WebSocketSession socket, RemoteCommand command, boolean v5) {
    this.socket = socket;
    this.command = command;
    this.v5 = v5;
  }

  /** Starts the process; its end is reported on a virtual thread, never a runtime's own. */
  void start(Function<ExecOutput, ExecSession> opener) {
    ExecSession started;
    try {
      started = opener.apply(this);
    } catch (ContainerRuntimeException e) {
      finish(failure(e));
      return;
    }
    process = started;
    if (finished.get()) { // the client left while it started
      started.close();
      return;
    }
    started
        .exitCode()
        .whenComplete(
            (code, error) ->
                Thread.ofVirtual()
                    .name("remote-command-status")
                    .start(() -> finish(error == null ? exited(code) : failure(error))));
  }

  @Override
  public void stdout(byte[] bytes) {
    if (command.stdout()) {
      send(RemoteCommandProtocol.STDOUT, bytes);
    }
  }

  @Override
  public void stderr(byte[] bytes) {
    if (command.stderr()) {
      send(RemoteCommandProtocol.STDERR, bytes);
    }
  }

  /** A message from the client: the first byte is the channel. */
  void received(ByteBuffer message) {
    ExecSession current = process;
    if (current == null || !message.hasRemaining()) {
      return;
    }
    byte channel = message.get();
    byte[] payload = new byte[message.remaining()];
    message.get(payload);
    try {
      switch (channel) {
        case RemoteCommandProtocol.STDIN -> {
          if (command.stdin() && payload.length > 0) {
            current.stdin().write(payload);
            current.stdin().flush();
          }
        }
        case RemoteCommandProtocol.RESIZE -> resize(current, payload);
        case RemoteCommandProtocol.CLOSE -> {
          if (v5 && payload.length > 0 && payload[0] == RemoteCommandProtocol.STDIN) {
            current.stdin().close();
          }
        }
        default -> {
          // unknown channels are ignored, as kubelet does
        }
      }
    } catch (IOException e) {
      // The process has closed its stdin or ended; its exit is reported on channel 3.
      log.debug("stdin of {} not delivered: {}", command.containerId(), e.toString());
    }
  }

  /** The client closed the connection or it broke: stop reading the process' output. */
  void clientGone() {
    finished.set(true);
    ExecSession current = process;
    if (current != null) {
      current.close();
    }
  }

  private void resize(ExecSession current, byte[] payload) {
    try {
      JsonNode size = Json.mapper().readTree(payload);
      int width = size.path("Width").asInt(0);
      int height = size.path("Height").asInt(0);
      if (width > 0 && height > 0) {
        current.resize(width, height);
      }
    } catch (JacksonException | ContainerRuntimeException e) {
      log.debug("resize of {} ignored: {}", command.containerId(), e.toString());
    }
  }

  private Status exited(int exitCode) {
    if (exitCode == 0 || command.kind() == RemoteCommand.Kind.ATTACH) {
      return Status.success(null);
    }
    return new Status(
        null,
        null,
        null,
        Status.FAILURE,
        "command terminated with non-zero exit code: error executing command "
            + command.command()
            + ", exit code "
            + exitCode,
        "NonZeroExitCode",
        new StatusDetails(
            null,
            null,
            null,
            null,
            List.of(new StatusCause("ExitCode", "" + exitCode, null)),
            null),
        null);
  }

  private static Status failure(Throwable error) {
    Throwable cause =
        (error instanceof CompletionException || error instanceof ExecutionException)
                && error.getCause() != null
            ? error.getCause()
            : error;
    String detail =
        cause instanceof ExecStartException
            ? "error executing command in container: " + cause.getMessage()
            : "error executing command in container: "
                + (cause.getMessage() == null ? cause.toString() : cause.getMessage());
    return Status.failure(
        Reason.INTERNAL_ERROR,
        "Internal error occurred: " + detail,
        new StatusDetails(
            null, null, null, null, List.of(new StatusCause(null, detail, null)), null));
  }

  /** Sends the final status on channel 3 and closes normally (kubectl needs the 1000 close). */
  private void finish(Status status) {
    if (!finished.compareAndSet(false, true)) {
      return;
    }
    send(RemoteCommandProtocol.ERROR, Json.mapper().writeValueAsBytes(status));
    sending.lock();
    try {
      if (socket.isOpen()) {
        socket.close(CloseStatus.NORMAL);
      }
    } catch (IOException e) {
      log.debug("close of {} failed: {}", socket.getId(), e.toString());
    } finally {
      sending.unlock();
    }
  }

  private void send(byte channel, byte[] bytes) {
    byte[] frame = new byte[bytes.length + 1];
    frame[0] = channel;
    System.arraycopy(bytes, 0, frame, 1, bytes.length);
    sending.lock();
    try {
      if (socket.isOpen()) {
        socket.sendMessage(new BinaryMessage(frame));
      }
    } catch (IOException | IllegalStateException e) {
      log.debug("client of {} gone: {}", socket.getId(), e.toString());
      clientGone();
    } finally {
      sending.unlock();
    }
  }
}
