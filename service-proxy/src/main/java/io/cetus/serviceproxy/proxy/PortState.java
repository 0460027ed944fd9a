package io.cetus.serviceproxy.proxy;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.netty.channel.Channel;

/**
 * The proxy's state for one service port: its balancer and meters, which event loops read, and its
 * listening channels and the last bind failure per address, which only the reconciler of its
 * service changes.
 */
record PortState(
    ServicePortName name,
    Balancer balancer,
    PortMetrics metrics,
    Map<InetSocketAddress, List<Channel>> listeners,
    Map<InetSocketAddress, String> bindFailures) {

  PortState(ServicePortName name, Balancer balancer, PortMetrics metrics) {
    this(name, balancer, metrics, new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
  }
}
