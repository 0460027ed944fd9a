package io.cetus.serviceproxy.dns;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.dns.DatagramDnsQuery;
import io.netty.handler.codec.dns.DatagramDnsQueryEncoder;
import io.netty.handler.codec.dns.DatagramDnsResponseDecoder;
import io.netty.handler.codec.dns.DefaultDnsQuery;
import io.netty.handler.codec.dns.DefaultDnsQuestion;
import io.netty.handler.codec.dns.DefaultDnsRawRecord;
import io.netty.handler.codec.dns.DefaultDnsRecordDecoder;
import io.netty.handler.codec.dns.DnsPtrRecord;
import io.netty.handler.codec.dns.DnsQuery;
import io.netty.handler.codec.dns.DnsRawRecord;
import io.netty.handler.codec.dns.DnsRecord;
import io.netty.handler.codec.dns.DnsRecordType;
import io.netty.handler.codec.dns.DnsResponse;
import io.netty.handler.codec.dns.DnsResponseCode;
import io.netty.handler.codec.dns.DnsSection;
import io.netty.handler.codec.dns.TcpDnsQueryEncoder;
import io.netty.handler.codec.dns.TcpDnsResponseDecoder;

/**
 * Asks a DNS server one question over real UDP or TCP sockets, with Netty's DNS codec for the
 * messages, and returns the answer as plain values. Blocks at most five seconds for an answer.
 */
final class DnsTestClient {

  private static final int TIMEOUT_MILLIS = 5_000;

  private final InetSocketAddress server;

  DnsTestClient(InetSocketAddress server) {
    this.server = server;
  }

  Reply udp(String name, DnsRecordType type) throws IOException {
    return udp(name, type, false);
  }

  /** Over UDP; with {@code edns}, the query advertises a 1232-octet payload. */
  Reply udp(String name, DnsRecordType type, boolean edns) throws IOException {
    int id = ThreadLocalRandom.current().nextInt(1 << 16);
    DatagramDnsQuery query = new DatagramDnsQuery(null, server, id);
    fill(query, name, type, edns);
    EmbeddedChannel encoder = new EmbeddedChannel(new DatagramDnsQueryEncoder());
    encoder.writeOutbound(query);
    io.netty.channel.socket.DatagramPacket packet = encoder.readOutbound();
    byte[] bytes = ByteBufUtil.getBytes(packet.content());
    packet.release();
    try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      socket.setSoTimeout(TIMEOUT_MILLIS);
      socket.send(new DatagramPacket(bytes, bytes.length, server));
      byte[] buffer = new byte[65535];
      DatagramPacket received = new DatagramPacket(buffer, buffer.length);
      socket.receive(received);
      EmbeddedChannel decoder = new EmbeddedChannel(new DatagramDnsResponseDecoder());
      decoder.writeInbound(
          new io.netty.channel.socket.DatagramPacket(
              Unpooled.wrappedBuffer(buffer, 0, received.getLength()),
              (InetSocketAddress) socket.getLocalSocketAddress(),
              server));
      DnsResponse response = decoder.readInbound();
      return Reply.of(id, response, received.getLength());
    }
  }

  Reply tcp(String name, DnsRecordType type) throws IOException {
    int id = ThreadLocalRandom.current().nextInt(1 << 16);
    DnsQuery query = new DefaultDnsQuery(id);
    fill(query, name, type, false);
    EmbeddedChannel encoder = new EmbeddedChannel(new TcpDnsQueryEncoder());
    encoder.writeOutbound(query);
    ByteBuf framed = encoder.readOutbound();
    byte[] bytes = ByteBufUtil.getBytes(framed);
    framed.release();
    try (Socket socket = new Socket()) {
      socket.connect(server, TIMEOUT_MILLIS);
      socket.setSoTimeout(TIMEOUT_MILLIS);
      OutputStream out = socket.getOutputStream();
      out.write(bytes);
      out.flush();
      DataInputStream in = new DataInputStream(socket.getInputStream());
      int length = in.readUnsignedShort();
      byte[] message = new byte[length];
      in.readFully(message);
      EmbeddedChannel decoder = new EmbeddedChannel(new TcpDnsResponseDecoder());
      ByteBuf frame = Unpooled.buffer(length + 2).writeShort(length).writeBytes(message);
      decoder.writeInbound(frame);
      DnsResponse response = decoder.readInbound();
      return Reply.of(id, response, length);
    }
  }

  private static void fill(DnsQuery query, String name, DnsRecordType type, boolean edns) {
    query.setRecursionDesired(true);
    query.addRecord(DnsSection.QUESTION, new DefaultDnsQuestion(name, type));
    if (edns) {
      query.addRecord(
          DnsSection.ADDITIONAL,
          new DefaultDnsRawRecord(".", DnsRecordType.OPT, 1232, 0, Unpooled.EMPTY_BUFFER));
    }
  }

  /** One record: its data as text (an address, a name, "priority weight port target", …). */
  record Record(String name, DnsRecordType type, long ttl, String data) {}

  record Reply(
      int id,
      int expectedId,
      DnsResponseCode code,
      boolean authoritative,
      boolean truncated,
      List<Record> answers,
      List<Record> authority,
      List<Record> additional,
      int length) {

    static Reply of(int expectedId, DnsResponse response, int length) {
      try {
        return new Reply(
            response.id(),
            expectedId,
            response.code(),
            response.isAuthoritativeAnswer(),
            response.isTruncated(),
            records(response, DnsSection.ANSWER),
            records(response, DnsSection.AUTHORITY),
            records(response, DnsSection.ADDITIONAL),
            length);
      } finally {
        response.release();
      }
    }

    /** The data of the answer records of {@code type}. */
    List<String> data(DnsRecordType type) {
      return answers.stream().filter(r -> r.type() == type).map(Record::data).toList();
    }

    List<String> addresses() {
      return answers.stream()
          .filter(r -> r.type() == DnsRecordType.A || r.type() == DnsRecordType.AAAA)
          .map(Record::data)
          .toList();
    }

    private static List<Record> records(DnsResponse response, DnsSection section) {
      List<Record> records = new ArrayList<>();
      for (int i = 0; i < response.count(section); i++) {
        DnsRecord record = response.recordAt(section, i);
        records.add(new Record(record.name(), record.type(), record.timeToLive(), data(record)));
      }
      return records;
    }

    private static String data(DnsRecord record) {
      if (record instanceof DnsPtrRecord ptr) {
        return ptr.hostname();
      }
      if (!(record instanceof DnsRawRecord raw)) {
        return "";
      }
      ByteBuf content = raw.content().duplicate();
      DnsRecordType type = record.type();
      try {
        if (type == DnsRecordType.A || type == DnsRecordType.AAAA) {
          return InetAddress.getByAddress(ByteBufUtil.getBytes(content)).getHostAddress();
        }
        if (type == DnsRecordType.CNAME || type == DnsRecordType.NS) {
          return DefaultDnsRecordDecoder.decodeName(content);
        }
        if (type == DnsRecordType.SRV) {
          int priority = content.readUnsignedShort();
          int weight = content.readUnsignedShort();
          int port = content.readUnsignedShort();
          return priority
              + " "
              + weight
              + " "
              + port
              + " "
              + DefaultDnsRecordDecoder.decodeName(content);
        }
        if (type == DnsRecordType.SOA) {
          return DefaultDnsRecordDecoder.decodeName(content)
              + " "
              + DefaultDnsRecordDecoder.decodeName(content);
        }
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      return ByteBufUtil.hexDump(content);
    }
  }
}
