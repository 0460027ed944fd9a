package io.cetus.serviceproxy.dns;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.dns.DnsQuestion;
import io.netty.handler.codec.dns.DnsRecordDecoder;
import io.netty.handler.codec.dns.DnsRecordType;

/**
 * A small recursive resolver for tests, on 127.0.0.1 (UDP and TCP, one port): A records for the
 * names it is given, NXDOMAIN for the rest. It writes its answers by hand, with the owner names
 * compressed (pointers to the question) as real servers do, and records each question it gets.
 */
final class FakeUpstream implements AutoCloseable {

  /** A question it got, and whether it came over TCP and carried an EDNS record. */
  record Received(String name, DnsRecordType type, boolean tcp, boolean edns) {}

  private final Map<String, InetAddress> addresses = new ConcurrentHashMap<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final EventLoopGroup group =
      new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private Channel udp;
  private Channel tcp;

  FakeUpstream() throws InterruptedException {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    Answering answering = new Answering();
    // UDP on a free port, then TCP on the same one: again if that one is taken for TCP
    for (int attempt = 1; ; attempt++) {
      Channel datagram =
          new Bootstrap()
              .group(group)
              .channel(NioDatagramChannel.class)
              .handler(answering)
              .bind(loopback, 0)
              .sync()
              .channel();
      ChannelFuture stream =
          new ServerBootstrap()
              .group(group)
              .channel(NioServerSocketChannel.class)
              .option(ChannelOption.SO_REUSEADDR, true)
              .childHandler(
                  new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel channel) {
                      channel
                          .pipeline()
                          .addLast(new LengthFieldBasedFrameDecoder(65535, 0, 2, 0, 2), answering);
                    }
                  })
              .bind(loopback, ((InetSocketAddress) datagram.localAddress()).getPort())
              .await();
      if (stream.isSuccess()) {
        udp = datagram;
        tcp = stream.channel();
        return;
      }
      datagram.close().sync();
      if (attempt == 5) {
        throw new IllegalStateException("no port free for both UDP and TCP", stream.cause());
      }
    }
  }

  InetSocketAddress address() {
    return (InetSocketAddress) udp.localAddress();
  }

  /** {@code ip:port} as the cluster DNS's configuration names it. */
  String spec() {
    return "127.0.0.1:" + address().getPort();
  }

  FakeUpstream answer(String name, String ip) throws Exception {
    addresses.put(DnsNames.canonical(name), InetAddress.getByName(ip));
    return this;
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  @Override
  public void close() {
    udp.close();
    tcp.close();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  /** Builds the answer to a query in wire form. */
  private ByteBuf answer(ByteBuf query, boolean overTcp) throws Exception {
    ByteBuf in = query.duplicate();
    int id = in.getUnsignedShort(0);
    int additional = in.getUnsignedShort(10);
    in.readerIndex(12);
    DnsQuestion question = DnsRecordDecoder.DEFAULT.decodeQuestion(in);
    int questionEnd = in.readerIndex();
    received.add(new Received(question.name(), question.type(), overTcp, additional > 0));
    InetAddress address = addresses.get(DnsNames.canonical(question.name()));
    boolean found = address != null;
    boolean matches =
        found && (question.type() == DnsRecordType.A) == (address.getAddress().length == 4);
    ByteBuf out = Unpooled.buffer();
    out.writeShort(id);
    out.writeShort(0x8180 | (found ? 0 : 3)); // response, RD, RA; NOERROR or NXDOMAIN
    out.writeShort(1).writeShort(matches ? 1 : 0).writeShort(0).writeShort(0);
    out.writeBytes(query, 12, questionEnd - 12);
    if (matches) {
      out.writeShort(0xC00C); // the owner: a pointer to the question's name
      out.writeShort(question.type().intValue()).writeShort(1).writeInt(60);
      out.writeShort(address.getAddress().length).writeBytes(address.getAddress());
    }
    return out;
  }

  @ChannelHandler.Sharable
  private final class Answering extends SimpleChannelInboundHandler<Object> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Object message) throws Exception {
      if (message instanceof DatagramPacket packet) {
        ctx.writeAndFlush(new DatagramPacket(answer(packet.content(), false), packet.sender()));
      } else {
        ByteBuf answer = answer((ByteBuf) message, true);
        ctx.write(Unpooled.buffer(2).writeShort(answer.readableBytes()));
        ctx.writeAndFlush(answer);
      }
    }
  }
}
