package io.cetus.objectstore.allocation;

import java.util.regex.Pattern;

/**
 * The IPv4 network cluster IPs come from, e.g. {@code 10.242.128.0/18}. Its network and broadcast
 * addresses are never handed out; value 0 is the address after the network address. Parsed from
 * configuration by {@link #of}.
 *
 * @param network the network address as an unsigned 32-bit number
 * @param prefixLength 1 to 30 (a /31 or /32 has no address to hand out)
 */
public record ServiceIpRange(long network, int prefixLength) implements NumberedRange {

  private static final Pattern IPV4 =
      Pattern.compile(
          "((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}"
              + "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");

  public ServiceIpRange {
    if (prefixLength < 1 || prefixLength > 30) {
      throw new IllegalArgumentException(
          "a service IP range needs a prefix length from 1 to 30, not " + prefixLength);
    }
    if ((network & ~mask(prefixLength)) != 0) {
      throw new IllegalArgumentException(
          format(network)
              + "/"
              + prefixLength
              + " is not a network address; did you mean "
              + format(network & mask(prefixLength))
              + "/"
              + prefixLength
              + "?");
    }
  }

  /**
   * Parses {@code a.b.c.d/n}.
   *
   * @throws IllegalArgumentException for anything else, IPv6 ranges included
   */
  public static ServiceIpRange of(String cidr) {
    int slash = cidr.indexOf('/');
    long address = slash < 0 ? -1 : parse(cidr.substring(0, slash));
    String prefix = slash < 0 ? "" : cidr.substring(slash + 1);
    if (address < 0 || !prefix.matches("[0-9]{1,2}")) {
      throw new IllegalArgumentException(
          "the service IP range must be an IPv4 CIDR such as 10.242.128.0/18, not \""
              + cidr
              + "\"");
    }
    return new ServiceIpRange(address, Integer.parseInt(prefix));
  }

  @Override
  public int size() {
    return (int) (addresses() - 2);
  }

  @Override
  public String valueAt(int offset) {
    if (offset < 0 || offset >= size()) {
      throw new IndexOutOfBoundsException(offset);
    }
    return format(network + 1 + offset);
  }

  @Override
  public int offsetOf(String value) {
    long address = parse(value);
    if (address <= network || address >= network + addresses() - 1) {
      return -1;
    }
    return (int) (address - network - 1);
  }

  /** Kubernetes': from 16 up to 256 addresses, a sixteenth of the network in between. */
  @Override
  public int staticBand() {
    return NumberedRange.staticBand(addresses(), 16, 16, 256);
  }

  @Override
  public String notInRange(String value) {
    return "the provided IP ("
        + value
        + ") is not in the valid range. The range of valid IPs is "
        + this;
  }

  @Override
  public String alreadyAllocated() {
    return "provided IP is already allocated";
  }

  /** {@code 10.242.128.0/18}. */
  @Override
  public String toString() {
    return format(network) + "/" + prefixLength;
  }

  private long addresses() {
    return 1L << (32 - prefixLength);
  }

  private static long mask(int prefixLength) {
    return (0xFFFFFFFFL << (32 - prefixLength)) & 0xFFFFFFFFL;
  }

  /** The address as a number, or -1 when {@code text} is no IPv4 address. */
  private static long parse(String text) {
    if (!IPV4.matcher(text).matches()) {
      return -1;
    }
    long address = 0;
    for (String part : text.split("\\.")) {
      address = (address << 8) | Integer.parseInt(part);
    }
    return address;
  }

  private static String format(long address) {
    return ((address >> 24) & 0xFF)
        + "."
        + ((address >> 16) & 0xFF)
        + "."
        + ((address >> 8) & 0xFF)
        + "."
        + (address & 0xFF);
  }
}
