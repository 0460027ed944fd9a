package io.cetus.serviceproxy.dns;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.dns.DatagramDnsQuery;
import io.netty.handler.codec.dns.DatagramDnsQueryEncoder;
import io.netty.handler.codec.dns.DefaultDnsQuery;
import io.netty.handler.codec.dns.DefaultDnsQuestion;
import io.netty.handler.codec.dns.DnsQuery;
import io.netty.handler.codec.dns.DnsRawRecord;
import io.netty.handler.codec.dns.DnsRecord;
import io.netty.handler.codec.dns.DnsRecordDecoder;
import io.netty.handler.codec.dns.DnsRecordType;
import io.netty.handler.codec.dns.DnsSection;
import io.netty.handler.codec.dns.TcpDnsQueryEncoder;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import io.netty.util.concurrent.ScheduledFuture;

/**
 * The resolvers names outside the cluster domain go to, asked one after the other: each has {@code
 * timeout} to answer before the next is tried. A query goes out over the transport it came in on
 * (as CoreDNS' forward plugin does), with a fresh ID from a fresh port, and its answer comes back
 * as the server wrote it. Callbacks complete on the given event loop. Thread-safe.
 */
final class Upstream {

  private static final int MAX_TCP_MESSAGE = 65535;

  private final List<InetSocketAddress> servers;
  private final Duration timeout;
  private final NettyTransport transport;

  Upstream(List<InetSocketAddress> servers, Duration timeout, NettyTransport transport) {
    this.servers = List.copyOf(servers);
    this.timeout = timeout;
    this.transport = transport;
  }

  boolean configured() {
    return !servers.isEmpty();
  }

  List<InetSocketAddress> servers() {
    return servers;
  }

  /**
   * Asks the upstream servers {@code query}'s question, with its EDNS record, over its transport;
   * completes with the first answer, its ID set to the query's, or fails when no server answered in
   * time.
   */
  Future<ByteBuf> forward(EventLoop loop, Query query) {
    Query.Question question = query.question();
    if (question == null) {
      throw new IllegalArgumentException("a query without a question");
    }
    Promise<ByteBuf> answer = loop.newPromise();
    ask(
        loop,
        0,
        new Outgoing(question, query.edns(), query.recursionDesired(), query.datagram()),
        answer);
    Promise<ByteBuf> result = loop.newPromise();
    answer.addListener(
        done -> {
          if (done.isSuccess()) {
            ByteBuf message = (ByteBuf) done.getNow();
            message.setShort(0, query.id());
            if (!result.trySuccess(message)) {
              message.release();
            }
          } else {
            result.tryFailure(done.cause());
          }
        });
    return result;
  }

  /**
   * The address and alias records the upstream servers answer for {@code name} (over UDP, without
   * EDNS); empty when none answered.
   */
  Future<List<ResourceRecord>> lookup(EventLoop loop, String name, DnsRecordType type) {
    Promise<List<ResourceRecord>> result = loop.newPromise();
    Promise<ByteBuf> answer = loop.newPromise();
    ask(
        loop,
        0,
        new Outgoing(new Query.Question(name, type, DnsRecord.CLASS_IN), null, true, true),
        answer);
    answer.addListener(
        done -> {
          if (!done.isSuccess()) {
            result.setSuccess(List.of());
            return;
          }
          ByteBuf message = (ByteBuf) done.getNow();
          try {
            result.setSuccess(addressRecords(message));
          } catch (Exception malformed) {
            result.setSuccess(List.of());
          } finally {
            message.release();
          }
        });
    return result;
  }

  /** What goes upstream: one question, the client's EDNS record, over UDP or TCP. */
  private record Outgoing(
      Query.Question question,
      @Nullable ResourceRecord edns,
      boolean recursionDesired,
      boolean datagram) {}

  private void ask(EventLoop loop, int server, Outgoing outgoing, Promise<ByteBuf> promise) {
    if (server >= servers.size()) {
      promise.tryFailure(
          new TimeoutException(
              "no upstream server answered " + outgoing.question().name() + " in time"));
      return;
    }
    Promise<ByteBuf> attempt = loop.newPromise();
    exchange(loop, servers.get(server), outgoing, attempt);
    attempt.addListener(
        done -> {
          if (done.isSuccess()) {
            if (!promise.trySuccess((ByteBuf) done.getNow())) {
              ((ByteBuf) done.getNow()).release();
            }
          } else {
            ask(loop, server + 1, outgoing, promise);
          }
        });
  }

  private void exchange(
      EventLoop loop, InetSocketAddress server, Outgoing outgoing, Promise<ByteBuf> attempt) {
    boolean datagram = outgoing.datagram();
    int id = ThreadLocalRandom.current().nextInt(1 << 16);
    Bootstrap bootstrap =
        new Bootstrap()
            .group(loop)
            .channel(datagram ? transport.datagram() : transport.socket())
            .handler(
                new ChannelInitializer<Channel>() {
                  @Override
                  protected void initChannel(Channel channel) {
                    if (datagram) {
                      channel.pipeline().addLast(new DatagramDnsQueryEncoder());
                    } else {
                      channel
                          .pipeline()
                          .addLast(
                              new TcpDnsQueryEncoder(),
                              new LengthFieldBasedFrameDecoder(MAX_TCP_MESSAGE, 0, 2, 0, 2));
                    }
                    channel.pipeline().addLast(new Reply(id, attempt));
                  }
                });
    // a connected socket: the kernel drops datagrams from anyone but the server
    ChannelFuture connected = bootstrap.connect(server);
    ScheduledFuture<?> deadline =
        loop.schedule(
            () -> attempt.tryFailure(new TimeoutException(server + " did not answer in time")),
            timeout.toNanos(),
            TimeUnit.NANOSECONDS);
    attempt.addListener(
        done -> {
          deadline.cancel(false);
          connected.channel().close();
        });
    connected.addListener(
        (ChannelFuture done) -> {
          if (!done.isSuccess()) {
            attempt.tryFailure(done.cause());
            return;
          }
          done.channel()
              .writeAndFlush(query(id, server, outgoing))
              .addListener(
                  written -> {
                    if (!written.isSuccess()) {
                      attempt.tryFailure(written.cause());
                    }
                  });
        });
  }

  private static DnsQuery query(int id, InetSocketAddress server, Outgoing outgoing) {
    DnsQuery query =
        outgoing.datagram() ? new DatagramDnsQuery(null, server, id) : new DefaultDnsQuery(id);
    query.setRecursionDesired(outgoing.recursionDesired());
    Query.Question question = outgoing.question();
    query.addRecord(
        DnsSection.QUESTION,
        new DefaultDnsQuestion(question.name(), question.type(), question.dnsClass()));
    ResourceRecord edns = outgoing.edns();
    if (edns != null) {
      query.addRecord(DnsSection.ADDITIONAL, edns.toNetty());
    }
    return query;
  }

  /** The A, AAAA and CNAME records of an answer's answer section. */
  private static List<ResourceRecord> addressRecords(ByteBuf message) throws Exception {
    ByteBuf in = message.duplicate();
    int questions = in.getUnsignedShort(4);
    int answers = in.getUnsignedShort(6);
    in.readerIndex(12);
    for (int i = 0; i < questions; i++) {
      DnsRecordDecoder.DEFAULT.decodeQuestion(in);
    }
    List<ResourceRecord> records = new ArrayList<>();
    for (int i = 0; i < answers; i++) {
      DnsRecord record = DnsRecordDecoder.DEFAULT.decodeRecord(in);
      if (record == null) {
        break;
      }
      try {
        DnsRecordType type = record.type();
        boolean wanted =
            type == DnsRecordType.A || type == DnsRecordType.AAAA || type == DnsRecordType.CNAME;
        if (wanted && record instanceof DnsRawRecord raw) {
          records.add(
              new ResourceRecord(
                  record.name(),
                  type,
                  record.dnsClass(),
                  record.timeToLive(),
                  ByteBufUtil.getBytes(raw.content())));
        }
      } finally {
        ReferenceCountUtil.release(record);
      }
    }
    return records;
  }

  /** Completes the attempt with the first message that carries its ID. */
  private static final class Reply extends SimpleChannelInboundHandler<Object> {

    private final int id;
    private final Promise<ByteBuf> attempt;

    Reply(int id, Promise<ByteBuf> attempt) {
      this.id = id;
      this.attempt = attempt;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Object message) {
      ByteBuf content =
          message instanceof DatagramPacket packet ? packet.content() : (ByteBuf) message;
      if (content.readableBytes() >= 12 && content.getUnsignedShort(0) == id) {
        ByteBuf copy = content.retainedDuplicate();
        if (!attempt.trySuccess(copy)) {
          copy.release();
        }
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      attempt.tryFailure(cause); // e.g. ICMP port unreachable: the next server is asked at once
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      attempt.tryFailure(new IllegalStateException("the upstream closed the connection"));
    }
  }
}
