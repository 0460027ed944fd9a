package io.cetus.serviceproxy.dns;

import java.util.List;

import io.netty.handler.codec.dns.AbstractDnsOptPseudoRrRecord;
import io.netty.handler.codec.dns.DatagramDnsResponse;
import io.netty.handler.codec.dns.DefaultDnsQuestion;
import io.netty.handler.codec.dns.DefaultDnsResponse;
import io.netty.handler.codec.dns.DnsResponse;
import io.netty.handler.codec.dns.DnsResponseCode;
import io.netty.handler.codec.dns.DnsSection;

/**
 * Builds answers to a {@link Query} within the size its transport allows: answer records that do
 * not fit are left out and the answer marked truncated (the client then asks over TCP); authority
 * and additional records that do not fit are left out silently.
 */
final class Responses {

  private static final int HEADER_LENGTH = 12;
  private static final int OPT_LENGTH = 11; // root name, type, class, TTL, empty data

  private Responses() {}

  static DnsResponse of(
      Query query,
      DnsResponseCode code,
      boolean authoritative,
      boolean recursionAvailable,
      List<ResourceRecord> answers,
      List<ResourceRecord> authority,
      List<ResourceRecord> additional) {
    DnsResponse response =
        query.datagram()
            ? new DatagramDnsResponse(
                query.local(), query.client(), query.id(), query.opCode(), code)
            : new DefaultDnsResponse(query.id(), query.opCode(), code);
    response.setAuthoritativeAnswer(authoritative);
    response.setRecursionDesired(query.recursionDesired());
    response.setRecursionAvailable(recursionAvailable);
    int room = query.maxLength() - HEADER_LENGTH;
    Query.Question question = query.question();
    if (question != null) {
      response.addRecord(
          DnsSection.QUESTION,
          new DefaultDnsQuestion(question.name(), question.type(), question.dnsClass()));
      room -= DnsNames.encodedLength(question.name()) + 4;
    }
    if (query.edns() != null) {
      response.addRecord(DnsSection.ADDITIONAL, new Edns(Query.MAX_UDP_SIZE));
      room -= OPT_LENGTH;
    }
    for (ResourceRecord record : answers) {
      room -= record.encodedLength();
      if (room < 0) {
        response.setTruncated(true);
        return response;
      }
      response.addRecord(DnsSection.ANSWER, record.toNetty());
    }
    room = add(response, DnsSection.AUTHORITY, authority, room);
    add(response, DnsSection.ADDITIONAL, additional, room);
    return response;
  }

  /** An answer with nothing but a response code, e.g. SERVFAIL or REFUSED. */
  static DnsResponse of(Query query, DnsResponseCode code, boolean recursionAvailable) {
    return of(query, code, false, recursionAvailable, List.of(), List.of(), List.of());
  }

  private static int add(
      DnsResponse response, DnsSection section, List<ResourceRecord> records, int room) {
    for (ResourceRecord record : records) {
      if (record.encodedLength() > room) {
        return room;
      }
      room -= record.encodedLength();
      response.addRecord(section, record.toNetty());
    }
    return room;
  }

  /** The OPT pseudo-record that tells an EDNS client the UDP payload size this server takes. */
  private static final class Edns extends AbstractDnsOptPseudoRrRecord {
    Edns(int udpPayloadSize) {
      super(udpPayloadSize);
    }
  }
}
