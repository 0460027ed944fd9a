package io.cetus.nodeagent.runtime.fake;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

import io.cetus.nodeagent.runtime.ContainerSpec;

/** The main process of a fake container, as its {@link FakeProgram} and exec handlers see it. */
public final class FakeProcess {

  private final FakeContainerRuntime runtime;
  private final String containerId;
  private final ContainerSpec spec;
  private final InputStream stdin;

  FakeProcess(
      FakeContainerRuntime runtime,
      String containerId,
      ContainerSpec spec,
      @Nullable InputStream stdin) {
    this.stdin = stdin == null ? InputStream.nullInputStream() : stdin;
    this.runtime = runtime;
    this.containerId = containerId;
    this.spec = spec;
  }

  public String containerId() {
    return containerId;
  }

  public ContainerSpec spec() {
    return spec;
  }

  /**
   * What attached callers write, if the container was created with stdin open; at end-of-file at
   * once otherwise, and when the container exits.
   */
  public InputStream stdin() {
    return stdin;
  }

  /** Writes to the container's stdout, as it appears in its logs. */
  public void stdout(String text) {
    runtime.appendLog(containerId, false, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes to the container's stderr, as it appears in its logs. */
  public void stderr(String text) {
    runtime.appendLog(containerId, true, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Exits with this code, if still running. */
  public void exit(int exitCode) {
    runtime.terminate(containerId, exitCode, false);
  }

  /** Is killed for exceeding its memory limit, if still running. */
  public void oomKill() {
    runtime.terminate(containerId, 137, true);
  }

  /** Ignores SIGTERM from now on: a stop then ends with SIGKILL (137), as with no init process. */
  public void ignoreSigterm() {
    runtime.ignoreSigterm(containerId);
  }
}
