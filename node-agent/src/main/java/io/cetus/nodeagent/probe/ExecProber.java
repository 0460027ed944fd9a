package io.cetus.nodeagent.probe;

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.cetus.api.core.Container;
import io.cetus.api.core.Probe;
import io.cetus.nodeagent.runtime.ContainerRuntime;
import io.cetus.nodeagent.runtime.ContainerRuntimeException;
import io.cetus.nodeagent.runtime.ExecResult;

/** {@code exec}: runs the command in the container; exit 0 is success. */
final class ExecProber implements Prober {

  private final ContainerRuntime runtime;

  ExecProber(ContainerRuntime runtime) {
    this.runtime = runtime;
  }

  @Override
  public ProbeResult probe(
      Probe probe,
      Container container,
      String containerId,
      @Nullable String podIp,
      Duration timeout) {
    var command = Objects.requireNonNull(probe.exec()).command();
    try {
      ExecResult result = runtime.exec(containerId, command, timeout);
      return result.successful()
          ? ProbeResult.ok()
          : ProbeResult.failed(
              "command "
                  + command
                  + " exited with "
                  + result.exitCode()
                  + ": "
                  + result.stdout()
                  + result.stderr());
    } catch (ContainerRuntimeException e) {
      return ProbeResult.failed(e.getMessage() == null ? e.toString() : e.getMessage());
    }
  }
}
