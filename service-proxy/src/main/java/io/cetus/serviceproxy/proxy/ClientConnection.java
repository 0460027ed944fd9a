package io.cetus.serviceproxy.proxy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * The first handler of an accepted client connection: it connects to an endpoint, trying the
 * candidates the balancer gives in turn while connecting fails (refused, timed out), then hands
 * both connections to a {@link Relay}. The client's connection does not read meanwhile, so what the
 * client sends early waits in the kernel. When no candidate can be reached the client's connection
 * is reset.
 */
final class ClientConnection extends ChannelInboundHandlerAdapter {

  private static final Logger log = LoggerFactory.getLogger(ClientConnection.class);

  private final PortState port;
  private final Bootstrap endpoints;
  private final Channel client;
  private final InetAddress clientIp;
  private List<InetSocketAddress> candidates = List.of();

  /**
   * @param endpoints configured for connecting to endpoints on the client's event loop
   * @param client an accepted connection
   */
  ClientConnection(PortState port, Bootstrap endpoints, Channel client) {
    this.port = port;
    this.endpoints = endpoints;
    this.client = client;
    this.clientIp = ((InetSocketAddress) client.remoteAddress()).getAddress();
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    PortMetrics metrics = port.metrics();
    metrics.opened();
    client.closeFuture().addListener(closed -> metrics.closed());
    candidates = port.balancer().candidates(clientIp);
    connect(0);
  }

  private void connect(int attempt) {
    if (!client.isActive()) {
      return;
    }
    if (attempt >= candidates.size()) {
      if (!candidates.isEmpty()) {
        log.debug(
            "{}: none of {} endpoints could be reached; resetting {}",
            port.name(),
            candidates.size(),
            client.remoteAddress());
      }
      port.metrics().unserved.increment();
      Relay.reset(client);
      return;
    }
    InetSocketAddress endpoint = candidates.get(attempt);
    endpoints
        .connect(endpoint)
        .addListener(
            (ChannelFutureListener)
                (ChannelFuture connected) -> {
                  if (connected.isSuccess()) {
                    established(connected.channel(), endpoint);
                  } else {
                    port.metrics().connectFailures.increment();
                    log.debug(
                        "{}: connecting to endpoint {} failed, trying the next: {}",
                        port.name(),
                        endpoint,
                        connected.cause().toString());
                    connect(attempt + 1);
                  }
                });
  }

  private void established(Channel endpoint, InetSocketAddress address) {
    if (!client.isActive()) {
      endpoint.close();
      return;
    }
    port.balancer().connected(clientIp, address);
    client.pipeline().remove(this);
    Relay.start(client, endpoint, port.metrics());
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    log.debug("{}: client {} failed before relaying: {}", port.name(), client, cause.toString());
    ctx.close();
  }
}
