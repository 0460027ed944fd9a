package io.cetus.nodeagent.probe;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import io.cetus.api.core.Container;
import io.cetus.api.core.Probe;

/** Probes a container one way ({@code httpGet}, {@code tcpSocket} or {@code exec}). */
interface Prober {

  ProbeResult probe(
      Probe probe,
      Container container,
      String containerId,
      @Nullable String podIp,
      Duration timeout);
}
