package io.cetus.nodeagent.runtime.fake;

import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

import io.cetus.nodeagent.runtime.ContainerRuntimeException;
import io.cetus.nodeagent.runtime.ExecOutput;
import io.cetus.nodeagent.runtime.ExecRequest;
import io.cetus.nodeagent.runtime.ExecSession;
import io.cetus.nodeagent.runtime.ExecStartException;
import io.cetus.nodeagent.runtime.QueueInputStream;

/** An exec run by a handler on its own thread; stdin is a queue the caller's writes feed. */
final class FakeExecSession implements ExecSession {
  private final ExecRequest request;
  private final ExecOutput output;
  private final FakeProcess container;
  private final FakeExecHandler handler;
  private final QueueInputStream stdinQueue = new QueueInputStream(Integer.MAX_VALUE, 0, () -> {});
  private final CompletableFuture<Integer> exitCode = new CompletableFuture<>();
  private final OutputStream stdin;

  FakeExecSession(
      ExecRequest request, ExecOutput output, FakeProcess container, FakeExecHandler handler) {
    this.request = request;
    this.output = output;
    this.container = container;
    this.handler = handler;
    if (request.stdin()) {
      this.stdin =
          new OutputStream() {
            @Override
            public void write(int b) throws InterruptedIOException {
              stdinQueue.push(new byte[] {(byte) b});
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws InterruptedIOException {
              stdinQueue.push(Arrays.copyOfRange(bytes, offset, offset + length));
            }

            @Override
            public void close() {
              stdinQueue.finish();
            }
          };
    } else {
      stdinQueue.finish();
      this.stdin = OutputStream.nullOutputStream();
    }
  }

  void run() {
    int code;
    try {
      code =
          handler.run(
              new FakeExec(request.command(), stdinQueue, output, request.tty(), container));
    } catch (ExecStartException e) {
      exitCode.completeExceptionally(e);
      return;
    } catch (Exception e) {
      code = 126;
    }
    exitCode.complete(code);
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
    stdinQueue.close();
    exitCode.completeExceptionally(
        new ContainerRuntimeException("exec session closed before the command exited"));
  }
}
