package io.cetus.serviceproxy.dns;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.handler.codec.dns.DnsOpCode;
import io.netty.handler.codec.dns.DnsQuery;
import io.netty.handler.codec.dns.DnsRecord;
import io.netty.handler.codec.dns.DnsResponse;
import io.netty.handler.codec.dns.DnsResponseCode;

/**
 * Answers decoded queries, over UDP and TCP alike: names in the cluster domain from the {@link
 * ClusterZone} at once, on the event loop; other names by forwarding to the {@link Upstream}
 * (REFUSED when there is none, SERVFAIL when none answers). One instance serves every channel.
 */
@ChannelHandler.Sharable
final class DnsQueryHandler extends SimpleChannelInboundHandler<DnsQuery> {

  private static final Logger log = LoggerFactory.getLogger(DnsQueryHandler.class);
  private static final int MAX_ALIASES = 8;

  private final ClusterZone zone;
  private final Upstream upstream;

  DnsQueryHandler(ClusterZone zone, Upstream upstream) {
    this.zone = zone;
    this.upstream = upstream;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, DnsQuery dnsQuery) {
    Query query = Query.of(dnsQuery);
    Query.Question question = query.question();
    if (!DnsOpCode.QUERY.equals(query.opCode())) {
      reply(ctx, Responses.of(query, DnsResponseCode.NOTIMP, upstream.configured()));
      return;
    }
    if (query.questions() != 1 || question == null) {
      reply(ctx, Responses.of(query, DnsResponseCode.FORMERR, upstream.configured()));
      return;
    }
    Resolution resolution = zone.resolve(question.name(), question.type());
    if (!(resolution instanceof Resolution.Outside)
        && question.dnsClass() != DnsRecord.CLASS_IN
        && question.dnsClass() != DnsRecord.CLASS_ANY) {
      reply(ctx, Responses.of(query, DnsResponseCode.REFUSED, upstream.configured()));
      return;
    }
    switch (resolution) {
      case Resolution.Outside outside -> forward(ctx, query);
      case Resolution.NotReady notReady ->
          reply(ctx, Responses.of(query, DnsResponseCode.SERVFAIL, upstream.configured()));
      case Resolution.Answer answer -> answer(ctx, query, answer, List.of());
      case Resolution.Alias alias -> follow(ctx, query, alias, new ArrayList<>());
    }
  }

  private void forward(ChannelHandlerContext ctx, Query query) {
    if (!upstream.configured()) {
      reply(ctx, Responses.of(query, DnsResponseCode.REFUSED, false));
      return;
    }
    upstream
        .forward(ctx.channel().eventLoop(), query)
        .addListener(
            done -> {
              if (done.isSuccess()) {
                ctx.writeAndFlush(new RawResponse((ByteBuf) done.getNow(), query.client()));
              } else {
                log.debug("Forwarding {} failed: {}", query.question(), done.cause().toString());
                reply(ctx, Responses.of(query, DnsResponseCode.SERVFAIL, true));
              }
            });
  }

  /**
   * Answers with the CNAME chain so far plus the target's records: from the zone when the target is
   * in it, else from upstream (the CNAME alone when there is none or it does not answer).
   */
  private void follow(
      ChannelHandlerContext ctx, Query query, Resolution.Alias alias, List<ResourceRecord> chain) {
    chain.add(alias.cname());
    Query.Question question = query.question();
    Resolution next =
        chain.size() > MAX_ALIASES
            ? Resolution.OUTSIDE
            : zone.resolve(alias.target(), question.type());
    switch (next) {
      case Resolution.Alias further -> follow(ctx, query, further, chain);
      case Resolution.Answer answer -> answer(ctx, query, answer, chain);
      case Resolution.NotReady notReady ->
          reply(ctx, Responses.of(query, DnsResponseCode.SERVFAIL, upstream.configured()));
      case Resolution.Outside outside -> {
        if (!upstream.configured() || chain.size() > MAX_ALIASES) {
          answer(ctx, query, chain);
          return;
        }
        upstream
            .lookup(ctx.channel().eventLoop(), alias.target(), question.type())
            .addListener(
                done -> {
                  @SuppressWarnings("unchecked")
                  List<ResourceRecord> records = (List<ResourceRecord>) done.getNow();
                  List<ResourceRecord> all = new ArrayList<>(chain);
                  all.addAll(records);
                  answer(ctx, query, all);
                });
      }
    }
  }

  private void answer(ChannelHandlerContext ctx, Query query, List<ResourceRecord> answers) {
    reply(
        ctx,
        Responses.of(
            query,
            DnsResponseCode.NOERROR,
            true,
            upstream.configured(),
            answers,
            List.of(),
            List.of()));
  }

  /** The zone's answer, after the CNAME records that led to it. */
  private void answer(
      ChannelHandlerContext ctx,
      Query query,
      Resolution.Answer answer,
      List<ResourceRecord> aliases) {
    List<ResourceRecord> answers = answer.answers();
    if (!aliases.isEmpty()) {
      answers = new ArrayList<>(aliases);
      answers.addAll(answer.answers());
    }
    reply(
        ctx,
        Responses.of(
            query,
            answer.code(),
            true,
            upstream.configured(),
            answers,
            answer.authority(),
            answer.additional()));
  }

  private static void reply(ChannelHandlerContext ctx, DnsResponse response) {
    ctx.writeAndFlush(response);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (ctx.channel() instanceof DatagramChannel) {
      log.debug("Dropped a query that could not be read: {}", cause.toString());
    } else {
      log.debug("Closing a DNS connection: {}", cause.toString());
      ctx.close();
    }
  }
}
