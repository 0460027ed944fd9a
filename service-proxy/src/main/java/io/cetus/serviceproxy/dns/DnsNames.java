package io.cetus.serviceproxy.dns;

import java.io.ByteArrayOutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** Domain names as the cluster DNS handles them: absolute, lower case, uncompressed on the wire. */
final class DnsNames {

  private DnsNames() {}

  /** {@code name} in lower case with the trailing dot: the form names are compared in. */
  static String canonical(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".") ? lower : lower + ".";
  }

  /** The wire form of {@code name}: length-prefixed labels and the root label, no compression. */
  static byte[] encode(String name) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(name.length() + 2);
    for (String label : name.split("\\.")) {
      if (label.isEmpty()) {
        continue;
      }
      byte[] bytes = label.getBytes(StandardCharsets.US_ASCII);
      if (bytes.length > 63) {
        throw new IllegalArgumentException("label longer than 63 octets in " + name);
      }
      out.write(bytes.length);
      out.writeBytes(bytes);
    }
    out.write(0);
    return out.toByteArray();
  }

  /**
   * How many octets {@code name} takes on the wire, uncompressed (as Netty's encoder writes it).
   */
  static int encodedLength(String name) {
    int length = 1; // the root label
    for (String label : name.split("\\.")) {
      if (!label.isEmpty()) {
        length += 1 + label.length();
      }
    }
    return length;
  }

  /** The address a label such as {@code 10-242-0-7} spells (as pod and endpoint names do). */
  static Optional<Inet4Address> dashedIpv4(String label) {
    String[] parts = label.split("-", -1);
    if (parts.length != 4) {
      return Optional.empty();
    }
    byte[] bytes = new byte[4];
    for (int i = 0; i < 4; i++) {
      String part = parts[i];
      if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
        return Optional.empty();
      }
      int value = Integer.parseInt(part);
      if (value > 255) {
        return Optional.empty();
      }
      bytes[i] = (byte) value;
    }
    try {
      return Optional.of((Inet4Address) InetAddress.getByAddress(bytes));
    } catch (UnknownHostException impossible) {
      return Optional.empty();
    }
  }

  /** The label that names {@code ip} in DNS: its dots (or colons) turned into dashes. */
  static String dashed(String ip) {
    return ip.replace('.', '-').replace(':', '-');
  }
}
