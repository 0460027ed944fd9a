package io.cetus.nodeagent.runtime;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Keeps the first bytes of each stream of an exec, for {@link ExecResult}. */
final class CollectingExecOutput implements ExecOutput {

  private final int limit;
  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

  CollectingExecOutput(int limit) {
    this.limit = limit;
  }

  @Override
  public synchronized void stdout(byte[] bytes) {
    append(stdout, bytes);
  }

  @Override
  public synchronized void stderr(byte[] bytes) {
    append(stderr, bytes);
  }

  synchronized String stdout() {
    return stdout.toString(StandardCharsets.UTF_8);
  }

  synchronized String stderr() {
    return stderr.toString(StandardCharsets.UTF_8);
  }

  private void append(ByteArrayOutputStream target, byte[] bytes) {
    int room = limit - target.size();
    if (room > 0) {
      target.write(bytes, 0, Math.min(room, bytes.length));
    }
  }
}
