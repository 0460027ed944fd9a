package io.cetus.nodeagent.runtime;

import java.util.Locale;

/**
 * An IPv4 block in CIDR form ({@code 10.242.0.0/16}), normalised to its first address.
 *
 * @param base the block's first address as an unsigned 32-bit value in an {@code int}
 * @param prefix the prefix length, 0 to 32
 */
public record Ipv4Cidr(int base, int prefix) {

  public Ipv4Cidr {
    if (prefix < 0 || prefix > 32) {
      throw new IllegalArgumentException("prefix length must be 0 to 32: " + prefix);
    }
    base &= mask(prefix);
  }

  /**
   * Parses {@code a.b.c.d/n}.
   *
   * @throws IllegalArgumentException if it is not an IPv4 CIDR block
   */
  public static Ipv4Cidr parse(String cidr) {
    String text = cidr.strip();
    int slash = text.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("not a CIDR block (a.b.c.d/n): '" + cidr + "'");
    }
    int prefix;
    try {
      prefix = Integer.parseInt(text.substring(slash + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a CIDR block (a.b.c.d/n): '" + cidr + "'", e);
    }
    return new Ipv4Cidr(address(text.substring(0, slash)), prefix);
  }

  /**
   * Parses a dotted IPv4 address into an unsigned 32-bit value.
   *
   * @throws IllegalArgumentException if it is not one
   */
  public static int address(String text) {
    String[] parts = text.strip().split("\\.", -1);
    if (parts.length != 4) {
      throw new IllegalArgumentException("not an IPv4 address: '" + text + "'");
    }
    int value = 0;
    for (String part : parts) {
      int octet;
      try {
        octet = part.isEmpty() || part.length() > 3 ? -1 : Integer.parseInt(part);
      } catch (NumberFormatException e) {
        octet = -1;
      }
      if (octet < 0 || octet > 255) {
        throw new IllegalArgumentException("not an IPv4 address: '" + text + "'");
      }
      value = value << 8 | octet;
    }
    return value;
  }

  /** An unsigned 32-bit address in dotted form. */
  public static String format(int address) {
    return String.format(
        Locale.ROOT,
        "%d.%d.%d.%d",
        address >>> 24,
        address >>> 16 & 0xff,
        address >>> 8 & 0xff,
        address & 0xff);
  }

  /** The number of addresses in the block. */
  public long size() {
    return 1L << (32 - prefix);
  }

  /** The block's last address. */
  public int last() {
    return (int) (Integer.toUnsignedLong(base) + size() - 1);
  }

  /** The {@code offset}-th address of the block, from 0. */
  public int at(long offset) {
    if (offset < 0 || offset >= size()) {
      throw new IllegalArgumentException(offset + " is outside " + this);
    }
    return (int) (Integer.toUnsignedLong(base) + offset);
  }

  public boolean contains(int address) {
    return (address & mask(prefix)) == base;
  }

  public boolean contains(String address) {
    return contains(address(address));
  }

  /** Whether every address of {@code other} lies in this block. */
  public boolean contains(Ipv4Cidr other) {
    return other.prefix >= prefix && contains(other.base);
  }

  @Override
  public String toString() {
    return format(base) + "/" + prefix;
  }

  private static int mask(int prefix) {
    return prefix == 0 ? 0 : -1 << (32 - prefix);
  }
}
