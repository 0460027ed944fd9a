package io.cetus.nodeagent.runtime.fake;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.cetus.nodeagent.runtime.ExecOutput;

/** A command exec'd in a fake container, as its {@link FakeExecHandler} sees it. */
public final class FakeExec {

  private final List<String> command;
  private final InputStream stdin;
  private final ExecOutput output;
  private final boolean tty;
  private final FakeProcess container;

  FakeExec(
      List<String> command,
      InputStream stdin,
      ExecOutput output,
      boolean tty,
      FakeProcess container) {
    this.command = command;
    this.stdin = stdin;
    this.output = output;
    this.tty = tty;
    this.container = container;
  }

  public List<String> command() {
    return command;
  }

  /** What the caller writes; at end-of-file at once unless the exec asked for stdin. */
  public InputStream stdin() {
    return stdin;
  }

  public void stdout(String text) {
    stdout(text.getBytes(StandardCharsets.UTF_8));
  }

  public void stdout(byte[] bytes) {
    output.stdout(bytes);
  }

  /** On a terminal there is one stream: stderr arrives as stdout, as with a real engine. */
  public void stderr(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (tty) {
      output.stdout(bytes);
    } else {
      output.stderr(bytes);
    }
  }

  /** The container's main process, to act on the container (print to its logs, kill it). */
  public FakeProcess container() {
    return container;
  }
}
