package io.cetus.serviceproxy.proxy;

import java.net.InetSocketAddress;

/** An address the proxy listens on for a service port, and why. */
record Frontend(InetSocketAddress address, Kind kind) {

  enum Kind {
    /** {@code clusterIP:port}. */
    CLUSTER_IP,
    /** {@code node-address:nodePort}. */
    NODE_PORT,
    /** {@code ingressIP:port} of a {@code LoadBalancer} service. */
    LOAD_BALANCER
  }

  @Override
  public String toString() {
    return address.getAddress().getHostAddress() + ":" + address.getPort();
  }
}
