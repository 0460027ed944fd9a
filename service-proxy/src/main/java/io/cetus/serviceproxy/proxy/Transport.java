package io.cetus.serviceproxy.proxy;

import io.netty.channel.ChannelFactory;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/** Netty's native epoll transport where the kernel and the platform have it, NIO otherwise. */
record Transport(
    String name,
    IoHandlerFactory ioHandlers,
    ChannelFactory<? extends ServerChannel> serverChannels,
    ChannelFactory<? extends SocketChannel> socketChannels) {

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

  /** An event loop group of {@code threads} threads (0: Netty's default, twice the CPUs). */
  MultiThreadIoEventLoopGroup newEventLoopGroup(int threads) {
    return new MultiThreadIoEventLoopGroup(
        threads, new DefaultThreadFactory("service-proxy-" + name, true), ioHandlers);
  }

  private static Transport epoll() {
    return new Transport(
        "epoll",
        EpollIoHandler.newFactory(),
        EpollServerSocketChannel::new,
        EpollSocketChannel::new);
  }

  private static Transport nio() {
    return new Transport(
        "nio", NioIoHandler.newFactory(), NioServerSocketChannel::new, NioSocketChannel::new);
  }
}
