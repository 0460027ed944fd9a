package io.cetus.serviceproxy.proxy;

import java.util.ArrayList;
import java.util.List;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.ChannelFactory;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * Netty's native epoll transport where the kernel and the platform have it, NIO otherwise.
 *
 * @param listenerPerLoop whether each event loop listens on a service address with a socket of its
 *     own ({@code SO_REUSEPORT}, the kernel spreading connections over them), so a connection is
 *     accepted and served on one loop without a hand-off to another thread
 */
record Transport(
    String name,
    IoHandlerFactory ioHandlers,
    ChannelFactory<? extends ServerChannel> serverChannels,
    ChannelFactory<? extends SocketChannel> socketChannels,
    boolean listenerPerLoop) {

  /** The transport {@code mode} names; {@code AUTO} picks epoll when it is available. */
  static Transport select(ServiceProxyProperties.TransportMode mode) {
    return switch (mode) {
      case NIO -> nio();
      case EPOLL -> {
        Epoll.ensureAvailability();
        yield epoll();
      }
      case AUTO -> Epoll.isAvailable() ? epoll() : nio();
    };
  }

  /**
   * An event loop group of {@code threads} threads; 0 for half the CPUs, at least one. The proxy
   * shares its machine with the pods whose connections it carries, the clients often too: a loop
   * per core or more (Netty's default is two) makes more wake-ups, each handling fewer events, and
   * the proxy's threads preempt the very processes it serves (docs/benchmarks.md).
   */
  MultiThreadIoEventLoopGroup newEventLoopGroup(int threads) {
    int loops = threads > 0 ? threads : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    return new MultiThreadIoEventLoopGroup(
        loops, new DefaultThreadFactory("service-proxy-" + name, true), ioHandlers);
  }

  /** What listens on one address: each loop of {@code group}, or the group's one listener. */
  List<EventLoopGroup> listenerLoops(EventLoopGroup group) {
    if (!listenerPerLoop) {
      return List.of(group);
    }
    List<EventLoopGroup> loops = new ArrayList<>();
    group.forEach(loop -> loops.add((EventLoopGroup) loop));
    return loops;
  }

  /** Lets the listeners of {@link #listenerLoops} share their address. */
  void shareAddress(ServerBootstrap server) {
    if (listenerPerLoop) {
      server.option(EpollChannelOption.SO_REUSEPORT, true);
    }
  }

  private static Transport epoll() {
    return new Transport(
        "epoll",
        EpollIoHandler.newFactory(),
        EpollServerSocketChannel::new,
        EpollSocketChannel::new,
        true);
  }

  private static Transport nio() {
    return new Transport(
        "nio",
        NioIoHandler.newFactory(),
        NioServerSocketChannel::new,
        NioSocketChannel::new,
        false);
  }
}
