package io.cetus.serviceproxy.proxy;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * What the proxy should do for one TCP service port: listen on {@code frontends} (only while {@code
 * endpoints} is not empty) and spread connections over {@code endpoints}.
 */
record PortPlan(
    ServicePortName name,
    List<Frontend> frontends,
    List<InetSocketAddress> endpoints,
    SessionAffinity affinity) {

  PortPlan {
    frontends = List.copyOf(frontends);
    endpoints = List.copyOf(endpoints);
  }
}
