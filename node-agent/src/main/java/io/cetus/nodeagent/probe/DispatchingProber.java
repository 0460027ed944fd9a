package io.cetus.nodeagent.probe;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import io.cetus.api.core.Container;
import io.cetus.api.core.Probe;
import io.cetus.nodeagent.runtime.ContainerRuntime;

/** Picks the prober for the handler a probe declares. */
final class DispatchingProber implements Prober {

  private final HttpGetProber http = new HttpGetProber();
  private final TcpSocketProber tcp = new TcpSocketProber();
  private final ExecProber exec;

  DispatchingProber(ContainerRuntime runtime) {
    this.exec = new ExecProber(runtime);
  }

  @Override
  public ProbeResult probe(
      Probe probe,
      Container container,
      String containerId,
      @Nullable String podIp,
      Duration timeout) {
    if (probe.exec() != null) {
      return exec.probe(probe, container, containerId, podIp, timeout);
    }
    if (probe.httpGet() != null) {
      return http.probe(probe, container, containerId, podIp, timeout);
    }
    if (probe.tcpSocket() != null) {
      return tcp.probe(probe, container, containerId, podIp, timeout);
    }
    return ProbeResult.failed("probe has no handler");
  }
}
