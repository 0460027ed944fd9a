package io.cetus.serviceproxy.dns;

import java.net.InetAddress;
import java.nio.ByteBuffer;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.dns.DefaultDnsRawRecord;
import io.netty.handler.codec.dns.DnsRecord;
import io.netty.handler.codec.dns.DnsRecordType;

/**
 * One resource record, its data already in wire form with uncompressed names, so it can be copied
 * into any message. Immutable; {@link #toNetty()} makes a fresh Netty record each time.
 */
record ResourceRecord(String name, DnsRecordType type, int dnsClass, long ttl, byte[] data) {

  static final int CLASS_IN = DnsRecord.CLASS_IN;

  static ResourceRecord address(String name, long ttl, InetAddress address) {
    byte[] bytes = address.getAddress();
    return new ResourceRecord(
        name, bytes.length == 4 ? DnsRecordType.A : DnsRecordType.AAAA, CLASS_IN, ttl, bytes);
  }

  static ResourceRecord cname(String name, long ttl, String target) {
    return new ResourceRecord(name, DnsRecordType.CNAME, CLASS_IN, ttl, DnsNames.encode(target));
  }

  static ResourceRecord srv(
      String name, long ttl, int priority, int weight, int port, String target) {
    byte[] targetName = DnsNames.encode(target);
    ByteBuffer data = ByteBuffer.allocate(6 + targetName.length);
    data.putShort((short) priority).putShort((short) weight).putShort((short) port).put(targetName);
    return new ResourceRecord(name, DnsRecordType.SRV, CLASS_IN, ttl, data.array());
  }

  /**
   * The zone's start of authority, as CoreDNS' kubernetes plugin writes it; {@code minimum} is how
   * long resolvers cache a negative answer.
   */
  static ResourceRecord soa(String zone, long ttl, long serial, long minimum) {
    byte[] primary = DnsNames.encode("ns.dns." + zone);
    byte[] mailbox = DnsNames.encode("hostmaster." + zone);
    ByteBuffer data = ByteBuffer.allocate(primary.length + mailbox.length + 20);
    data.put(primary).put(mailbox);
    data.putInt((int) serial).putInt(7200).putInt(1800).putInt(86400).putInt((int) minimum);
    return new ResourceRecord(zone, DnsRecordType.SOA, CLASS_IN, ttl, data.array());
  }

  /** How many octets this record takes in a message. */
  int encodedLength() {
    return DnsNames.encodedLength(name) + 10 + data.length;
  }

  DnsRecord toNetty() {
    return new DefaultDnsRawRecord(name, type, dnsClass, ttl, Unpooled.wrappedBuffer(data));
  }
}
