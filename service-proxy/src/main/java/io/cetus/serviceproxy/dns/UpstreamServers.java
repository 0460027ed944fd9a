package io.cetus.serviceproxy.dns;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.netty.util.NetUtil;

/** Where names outside the cluster domain go: the configured servers, or resolv.conf's. */
final class UpstreamServers {

  private static final Logger log = LoggerFactory.getLogger(UpstreamServers.class);
  private static final int DNS_PORT = 53;

  private UpstreamServers() {}

  /**
   * {@code configured} if it names any; otherwise the name servers of {@code resolvConf} (none when
   * it is empty or unreadable) other than {@code self}, the cluster DNS, which would ask itself.
   *
   * @throws IllegalArgumentException if a configured server is no {@code ip[:port]}
   */
  static List<InetSocketAddress> of(
      List<String> configured, String resolvConf, @Nullable InetAddress self) {
    if (!configured.isEmpty()) {
      return configured.stream().map(UpstreamServers::parse).toList();
    }
    if (resolvConf.isBlank()) {
      return List.of();
    }
    String text;
    try {
      text = Files.readString(Path.of(resolvConf));
    } catch (IOException e) {
      log.warn(
          "Cannot read {}; names outside the cluster domain are refused: {}",
          resolvConf,
          e.toString());
      return List.of();
    }
    List<InetSocketAddress> servers = new ArrayList<>();
    for (String nameserver : nameservers(text)) {
      try {
        InetSocketAddress server = parse(nameserver);
        if (!server.getAddress().equals(self)) {
          servers.add(server);
        }
      } catch (IllegalArgumentException e) {
        log.warn("Ignoring name server {} of {}: {}", nameserver, resolvConf, e.getMessage());
      }
    }
    return List.copyOf(servers);
  }

  /** The {@code nameserver} entries of a resolv.conf, in order. */
  static List<String> nameservers(String resolvConf) {
    List<String> servers = new ArrayList<>();
    for (String line : resolvConf.split("\n")) {
      String[] words = line.strip().split("\\s+");
      if (words.length >= 2 && words[0].equals("nameserver")) {
        servers.add(words[1]);
      }
    }
    return servers;
  }

  /** {@code ip}, {@code ip:port}, {@code v6} or {@code [v6]:port}; the port defaults to 53. */
  static InetSocketAddress parse(String server) {
    String host = server.strip();
    int port = DNS_PORT;
    if (host.startsWith("[")) {
      int close = host.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("no closing ] in " + server);
      }
      if (host.length() > close + 1) {
        port = port(host.substring(close + 1), server);
      }
      host = host.substring(1, close);
    } else if (host.indexOf(':') == host.lastIndexOf(':') && host.indexOf(':') >= 0) {
      port = port(host.substring(host.indexOf(':')), server);
      host = host.substring(0, host.indexOf(':'));
    }
    int zone = host.indexOf('%'); // fe80::1%eth0
    byte[] address =
        NetUtil.createByteArrayFromIpAddressString(zone < 0 ? host : host.substring(0, zone));
    if (address == null) {
      throw new IllegalArgumentException(server + " is not an IP address with an optional port");
    }
    try {
      return new InetSocketAddress(InetAddress.getByAddress(address), port);
    } catch (UnknownHostException impossible) {
      throw new IllegalArgumentException(server, impossible);
    }
  }

  private static int port(String colonAndPort, String server) {
    try {
      if (!colonAndPort.startsWith(":")) {
        throw new NumberFormatException();
      }
      int port = Integer.parseInt(colonAndPort.substring(1));
      if (port < 1 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad port in " + server);
    }
  }
}
