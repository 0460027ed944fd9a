package io.cetus.objectstore.admission;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** Whether a string is an IP address literal; never resolves names. */
final class IpAddresses {

  private static final Pattern IPV4 =
      Pattern.compile(
          "((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}"
              + "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");
  private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9a-fA-F:.]+");

  static final String INVALID = "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)";

  private IpAddresses() {}

  static boolean isIpv4(String text) {
    return IPV4.matcher(text).matches();
  }

  static boolean isIpv6(String text) {
    if (!text.contains(":") || !IPV6_CHARACTERS.matcher(text).matches()) {
      return false;
    }
    try {
      // With a ':' in it, the JDK parses the text as an IPv6 literal and never asks DNS.
      return InetAddress.getByName(text) instanceof Inet6Address;
    } catch (UnknownHostException e) {
      return false;
    }
  }

  static boolean isValid(String text) {
    return isIpv4(text) || isIpv6(text);
  }

  /** Reports {@code field} unless it is absent, empty or an IP address. */
  static void check(Field field) {
    String value = field.nonEmptyString();
    if (value != null && !isValid(value)) {
      field.problems().invalid(field.path(), value, INVALID);
    }
  }
}
