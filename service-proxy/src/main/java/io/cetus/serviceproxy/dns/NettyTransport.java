package io.cetus.serviceproxy.dns;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;

/**
 * Epoll where the kernel has it, NIO elsewhere: the event loops and the channel classes to match.
 */
record NettyTransport(
    Class<? extends Channel> datagram,
    Class<? extends ServerChannel> server,
    Class<? extends Channel> socket) {

  static NettyTransport best() {
    return Epoll.isAvailable()
        ? new NettyTransport(
            EpollDatagramChannel.class, EpollServerSocketChannel.class, EpollSocketChannel.class)
        : new NettyTransport(
            NioDatagramChannel.class, NioServerSocketChannel.class, NioSocketChannel.class);
  }

  EventLoopGroup newGroup(int threads) {
    return new MultiThreadIoEventLoopGroup(
        threads,
        datagram == EpollDatagramChannel.class
            ? EpollIoHandler.newFactory()
            : NioIoHandler.newFactory());
  }
}
