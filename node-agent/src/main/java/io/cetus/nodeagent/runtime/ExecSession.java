package io.cetus.nodeagent.runtime;

import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;

/**
 * A process running inside a container, started by {@link ContainerRuntime#exec(String,
 * ExecRequest, ExecOutput)}. Its output goes to the {@link ExecOutput} given there; this is the
 * other direction, shaped for a WebSocket {@code exec} endpoint. Thread-safe.
 */
public interface ExecSession extends AutoCloseable {

  /**
   * What the process reads. Closing it gives the process end-of-file. Without {@link
   * ExecRequest#stdin()} this stream discards what is written.
   */
  OutputStream stdin();

  /** Resizes the terminal of a {@link ExecRequest#tty() tty} session; ignored otherwise. */
  void resize(int columns, int rows);

  /**
   * Completes with the exit code once the process has exited and all its output was delivered.
   * Completes exceptionally with an {@link ExecStartException} if the command could not be started
   * (no such executable: the engine's message is not delivered as output then), and with a {@link
   * ContainerRuntimeException} if the session breaks or is {@link #close() closed} first.
   */
  CompletableFuture<Integer> exitCode();

  /**
   * Stops delivering output and releases the connection. Engines cannot kill an exec'd process; one
   * that does not end when its stdin and output are gone keeps running.
   */
  @Override
  void close();
}
