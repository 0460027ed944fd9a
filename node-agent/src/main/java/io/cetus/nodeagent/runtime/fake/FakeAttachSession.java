package io.cetus.nodeagent.runtime.fake;

import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

import org.jspecify.annotations.Nullable;

import io.cetus.nodeagent.runtime.AttachRequest;
import io.cetus.nodeagent.runtime.ContainerRuntimeException;
import io.cetus.nodeagent.runtime.ExecOutput;
import io.cetus.nodeagent.runtime.ExecSession;
import io.cetus.nodeagent.runtime.QueueInputStream;

/**
 * A caller attached to a fake container's main process. What the process writes is queued under the
 * runtime's lock and delivered in order on a virtual thread of its own, so a slow caller never
 * holds the runtime up; the container's exit is delivered last.
 */
final class FakeAttachSession implements ExecSession {

  private record Chunk(boolean stderr, byte @Nullable [] bytes, int exitCode) {}

  private final AttachRequest request;
  private final boolean tty;
  private final ExecOutput output;
  private final Runnable detach;
  private final LinkedBlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
  private final CompletableFuture<Integer> exitCode = new CompletableFuture<>();
  private final OutputStream stdin;
  private volatile boolean closed;

  FakeAttachSession(
      AttachRequest request,
      boolean tty,
      @Nullable QueueInputStream containerStdin,
      ExecOutput output,
      Runnable detach) {
    this.request = request;
    this.tty = tty;
    this.output = output;
    this.detach = detach;
    this.stdin =
        request.stdin() && containerStdin != null
            ? new OutputStream() {
              @Override
              public void write(int b) throws InterruptedIOException {
                containerStdin.push(new byte[] {(byte) b});
              }

              @Override
              public void write(byte[] bytes, int offset, int length)
                  throws InterruptedIOException {
                containerStdin.push(Arrays.copyOfRange(bytes, offset, offset + length));
              }
            }
            : OutputStream.nullOutputStream();
    Thread.ofVirtual().name("fake-attach").start(this::deliver);
  }

  /** The process wrote this; called under the runtime's lock, so it only queues. */
  void written(boolean stderr, byte[] bytes) {
    queue.add(new Chunk(stderr, bytes, 0));
  }

  /** The process exited; called under the runtime's lock. */
  void exited(int code) {
    queue.add(new Chunk(false, null, code));
  }

  private void deliver() {
    try {
      while (!closed) {
        Chunk chunk = queue.take();
        if (closed) {
          return;
        }
        byte[] bytes = chunk.bytes();
        if (bytes == null) {
          exitCode.complete(chunk.exitCode());
          return;
        }
        if (chunk.stderr() && !tty) {
          if (request.stderr()) {
            output.stderr(bytes);
          }
        } else if (request.stdout()) {
          output.stdout(bytes);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public OutputStream stdin() {
    return stdin;
  }

  @Override
  public void resize(int columns, int rows) {}

  @Override
  public CompletableFuture<Integer> exitCode() {
    return exitCode;
  }

  @Override
  public void close() {
    closed = true;
    queue.add(new Chunk(false, null, 0));
    detach.run();
    exitCode.completeExceptionally(
        new ContainerRuntimeException("attach session closed before the container exited"));
  }
}
