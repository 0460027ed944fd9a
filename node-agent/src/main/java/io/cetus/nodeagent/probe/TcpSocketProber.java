package io.cetus.nodeagent.probe;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.cetus.api.core.Container;
import io.cetus.api.core.Probe;
import io.cetus.api.core.TCPSocketAction;

/** {@code tcpSocket}: success if a connection to the port opens within the timeout. */
final class TcpSocketProber implements Prober {

  @Override
  public ProbeResult probe(
      Probe probe,
      Container container,
      String containerId,
      @Nullable String podIp,
      Duration timeout) {
    TCPSocketAction action = Objects.requireNonNull(probe.tcpSocket());
    String host = action.host() == null || action.host().isEmpty() ? podIp : action.host();
    if (host == null) {
      return ProbeResult.failed("pod has no IP");
    }
    int port = Ports.resolve(container, action.port());
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), (int) Math.max(1, timeout.toMillis()));
      return ProbeResult.ok();
    } catch (IOException e) {
      return ProbeResult.failed("dial tcp " + host + ":" + port + ": " + e.getMessage());
    }
  }
}
