package io.cetus.objectstore.admission;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/** The rules for port numbers, port names and protocols shared by pods, services and endpoints. */
final class Ports {

  static final List<String> PROTOCOLS = List.of("SCTP", "TCP", "UDP");
  static final String PORT_RANGE = "must be between 1 and 65535, inclusive";

  private static final int MAX_PORT_NAME_LENGTH = 15;
  private static final Pattern PORT_NAME_CHARACTERS = Pattern.compile("[-a-z0-9]+");
  private static final Pattern HAS_LETTER = Pattern.compile(".*[a-z].*");

  private Ports() {}

  static boolean inRange(int port) {
    return port >= 1 && port <= 65535;
  }

  /** A port number that must be present and in range; returns it when valid. */
  static @Nullable Integer requiredNumber(Field field) {
    Integer port = field.int32();
    if (port == null && field.isPresent()) {
      return null; // the wrong type is already reported
    }
    if (port == null || port == 0) {
      field.problems().required(field.path());
      return null;
    }
    if (!inRange(port)) {
      field.problems().invalid(field.path(), port, PORT_RANGE);
      return null;
    }
    return port;
  }

  /** A port number that may be absent or 0 (unset) but is otherwise in range. */
  static void optionalNumber(Field field) {
    Integer port = field.int32();
    if (port != null && port != 0 && !inRange(port)) {
      field.problems().invalid(field.path(), port, PORT_RANGE);
    }
  }

  /**
   * Why {@code name} is not an IANA service name (at most 15 lower-case letters, digits and single
   * hyphens, with at least one letter); empty when it is one.
   */
  static List<String> nameProblems(String name) {
    List<String> problems = new ArrayList<>();
    if (name.length() > MAX_PORT_NAME_LENGTH) {
      problems.add("must be no more than 15 characters");
    }
    if (!PORT_NAME_CHARACTERS.matcher(name).matches()) {
      problems.add("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
    }
    if (name.contains("--")) {
      problems.add("must not contain consecutive hyphens");
    }
    if (!HAS_LETTER.matcher(name).matches()) {
      problems.add("must contain at least one letter (a-z)");
    }
    if (name.startsWith("-") || name.endsWith("-")) {
      problems.add("must not begin or end with a hyphen");
    }
    return problems;
  }

  /** A port given as a number (1-65535) or as the name of a container port. */
  static void numberOrName(Field field) {
    JsonNode value = field.node();
    if (value == null) {
      field.problems().required(field.path());
    } else if (value.isString()) {
      String name = value.stringValue();
      if (name.isEmpty()) {
        field.problems().required(field.path());
      } else {
        field.problems().invalidEach(field.path(), name, nameProblems(name));
      }
    } else if (value.isIntegralNumber() && value.canConvertToInt()) {
      if (!inRange(value.intValue())) {
        field.problems().invalid(field.path(), value.intValue(), PORT_RANGE);
      }
    } else {
      field.problems().wrongType(field.path(), value, "integer or string");
    }
  }

  static void protocol(Field field) {
    String protocol = field.string();
    if (protocol != null && !PROTOCOLS.contains(protocol)) {
      field.problems().notSupported(field.path(), protocol, PROTOCOLS);
    }
  }
}
