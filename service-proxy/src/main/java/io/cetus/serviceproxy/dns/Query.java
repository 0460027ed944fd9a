package io.cetus.serviceproxy.dns;

import java.net.InetSocketAddress;

import org.jspecify.annotations.Nullable;

import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.dns.DatagramDnsQuery;
import io.netty.handler.codec.dns.DnsOpCode;
import io.netty.handler.codec.dns.DnsQuery;
import io.netty.handler.codec.dns.DnsQuestion;
import io.netty.handler.codec.dns.DnsRawRecord;
import io.netty.handler.codec.dns.DnsRecord;
import io.netty.handler.codec.dns.DnsRecordType;
import io.netty.handler.codec.dns.DnsSection;

/**
 * What the server keeps of a query while it answers it, which may be after the decoded query and
 * its buffers are gone (forwarding).
 *
 * @param question the first question; {@code null} when there was none
 * @param edns the query's OPT record, if it had one: its class is the client's UDP payload size
 * @param client where a UDP answer goes; {@code null} over TCP
 * @param local the address the UDP query came to; {@code null} over TCP
 */
record Query(
    int id,
    DnsOpCode opCode,
    boolean recursionDesired,
    int questions,
    @Nullable Question question,
    @Nullable ResourceRecord edns,
    @Nullable InetSocketAddress client,
    @Nullable InetSocketAddress local) {

  /** The UDP payload size answers are kept within when the client sets none (RFC 1035). */
  static final int CLASSIC_UDP_SIZE = 512;

  /** The UDP payload size this server advertises and answers within at most (DNS flag day 2020). */
  static final int MAX_UDP_SIZE = 1232;

  record Question(String name, DnsRecordType type, int dnsClass) {}

  static Query of(DnsQuery query) {
    Question question = null;
    int questions = query.count(DnsSection.QUESTION);
    if (questions > 0) {
      DnsQuestion first = query.recordAt(DnsSection.QUESTION);
      question = new Question(first.name(), first.type(), first.dnsClass());
    }
    ResourceRecord edns = null;
    for (int i = 0; i < query.count(DnsSection.ADDITIONAL); i++) {
      DnsRecord record = query.recordAt(DnsSection.ADDITIONAL, i);
      if (record.type() == DnsRecordType.OPT && record instanceof DnsRawRecord raw) {
        edns =
            new ResourceRecord(
                record.name(),
                record.type(),
                record.dnsClass(),
                record.timeToLive(),
                ByteBufUtil.getBytes(raw.content()));
      }
    }
    InetSocketAddress client = null;
    InetSocketAddress local = null;
    if (query instanceof DatagramDnsQuery datagram) {
      client = datagram.sender();
      local = datagram.recipient();
    }
    return new Query(
        query.id(),
        query.opCode(),
        query.isRecursionDesired(),
        questions,
        question,
        edns,
        client,
        local);
  }

  boolean datagram() {
    return client != null;
  }

  /** The longest answer the client takes over its transport. */
  int maxLength() {
    if (!datagram()) {
      return 65535;
    }
    return edns == null
        ? CLASSIC_UDP_SIZE
        : Math.clamp(edns.dnsClass(), CLASSIC_UDP_SIZE, MAX_UDP_SIZE);
  }
}
