package io.cetus.serviceproxy.proxy;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

import org.jspecify.annotations.Nullable;

import io.netty.util.NetUtil;

/** An IPv4 CIDR block such as {@code 10.242.128.0/18}. */
public record Ipv4Range(int network, int prefixLength) {

  public Ipv4Range {
    if (prefixLength < 0 || prefixLength > 32) {
      throw new IllegalArgumentException("prefix length out of range: " + prefixLength);
    }
    network &= mask(prefixLength);
  }

  /**
   * Parses {@code a.b.c.d/n}.
   *
   * @throws IllegalArgumentException if {@code cidr} is not an IPv4 CIDR block
   */
  public static Ipv4Range parse(String cidr) {
    int slash = cidr.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("not a CIDR block (a.b.c.d/n): " + cidr);
    }
    Inet4Address address = parseAddress(cidr.substring(0, slash).trim());
    if (address == null) {
      throw new IllegalArgumentException("not an IPv4 address: " + cidr);
    }
    int prefix;
    try {
      prefix = Integer.parseInt(cidr.substring(slash + 1).trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a prefix length: " + cidr, e);
    }
    return new Ipv4Range(toInt(address), prefix);
  }

  /**
   * The IPv4 address a literal names, or {@code null} if it is no IPv4 literal (never a DNS
   * lookup).
   */
  public static @Nullable Inet4Address parseAddress(@Nullable String literal) {
    if (literal == null) {
      return null;
    }
    byte[] bytes = NetUtil.createByteArrayFromIpAddressString(literal.trim());
    if (bytes == null || bytes.length != 4) {
      return null;
    }
    try {
      return (Inet4Address) InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e); // four bytes are always an address
    }
  }

  public boolean contains(InetAddress address) {
    return address instanceof Inet4Address v4 && (toInt(v4) & mask(prefixLength)) == network;
  }

  private static int mask(int prefixLength) {
    return prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
  }

  private static int toInt(Inet4Address address) {
    byte[] b = address.getAddress();
    return (b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | (b[3] & 0xff);
  }

  @Override
  public String toString() {
    return (network >>> 24)
        + "."
        + (network >>> 16 & 0xff)
        + "."
        + (network >>> 8 & 0xff)
        + "."
        + (network & 0xff)
        + "/"
        + prefixLength;
  }
}
