package io.cetus.serviceproxy.proxy;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where this machine's node ports listen ({@code listen}; the wildcard address for all) and the
 * address a {@code LoadBalancer} service gets as its ingress ({@code ingress}): the node address
 * itself, or, when that is the wildcard, the machine's primary IPv4 address (that of the interface
 * with the default route, else the first other interface that is up, else loopback).
 */
record NodeAddresses(InetAddress listen, InetAddress ingress) {

  private static final Logger log = LoggerFactory.getLogger(NodeAddresses.class);

  static NodeAddresses of(String nodeAddress) {
    InetAddress listen;
    try {
      listen = InetAddress.getByName(nodeAddress.trim());
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(
          "platform.service-proxy.node-address is no address: " + nodeAddress, e);
    }
    InetAddress ingress = listen.isAnyLocalAddress() ? primaryAddress() : listen;
    log.info(
        "Node ports listen on {}; load balancers get the ingress IP {}",
        listen.getHostAddress(),
        ingress.getHostAddress());
    return new NodeAddresses(listen, ingress);
  }

  static InetAddress primaryAddress() {
    return defaultRouteInterface()
        .flatMap(NodeAddresses::ipv4Of)
        .or(NodeAddresses::firstUpInterfaceAddress)
        .orElse(InetAddress.getLoopbackAddress());
  }

  /** The interface of the IPv4 default route, from {@code /proc/net/route}. */
  private static Optional<String> defaultRouteInterface() {
    try {
      List<String> lines = Files.readAllLines(Path.of("/proc/net/route"));
      for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
        String[] fields = line.trim().split("\\s+");
        if (fields.length > 2 && "00000000".equals(fields[1])) {
          return Optional.of(fields[0]);
        }
      }
    } catch (IOException | RuntimeException e) {
      log.debug("No default route from /proc/net/route: {}", e.toString());
    }
    return Optional.empty();
  }

  private static Optional<InetAddress> ipv4Of(String interfaceName) {
    try {
      NetworkInterface device = NetworkInterface.getByName(interfaceName);
      return device == null
          ? Optional.empty()
          : device.inetAddresses().filter(a -> a instanceof Inet4Address).findFirst();
    } catch (SocketException e) {
      return Optional.empty();
    }
  }

  private static Optional<InetAddress> firstUpInterfaceAddress() {
    try {
      return NetworkInterface.networkInterfaces()
          .filter(NodeAddresses::isUpAndNotLoopback)
          .flatMap(NetworkInterface::inetAddresses)
          .filter(a -> a instanceof Inet4Address)
          .findFirst();
    } catch (SocketException e) {
      return Optional.empty();
    }
  }

  private static boolean isUpAndNotLoopback(NetworkInterface device) {
    try {
      return device.isUp() && !device.isLoopback();
    } catch (SocketException e) {
      return false;
    }
  }
}
