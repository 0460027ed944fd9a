package io.cetus.objectstore.allocation;

/**
 * The ports node ports come from, e.g. {@code 30000-32767}, both ends included. Parsed from
 * configuration by {@link #of}.
 */
public record PortRange(int first, int last) implements NumberedRange {

  public PortRange {
    if (first < 1 || last > 65535 || first > last) {
      throw new IllegalArgumentException(
          "a node port range runs from a port to a higher one within 1-65535, not "
              + first
              + "-"
              + last);
    }
  }

  /**
   * Parses {@code A-B} (or a single port {@code A}).
   *
   * @throws IllegalArgumentException for anything else
   */
  public static PortRange of(String text) {
    String trimmed = text.trim();
    if (!trimmed.matches("[0-9]{1,5}(-[0-9]{1,5})?")) {
      throw new IllegalArgumentException(
          "the node port range must look like 30000-32767, not \"" + text + "\"");
    }
    int dash = trimmed.indexOf('-');
    return dash < 0
        ? new PortRange(Integer.parseInt(trimmed), Integer.parseInt(trimmed))
        : new PortRange(
            Integer.parseInt(trimmed.substring(0, dash)),
            Integer.parseInt(trimmed.substring(dash + 1)));
  }

  public boolean contains(int port) {
    return port >= first && port <= last;
  }

  @Override
  public int size() {
    return last - first + 1;
  }

  @Override
  public String valueAt(int offset) {
    if (offset < 0 || offset >= size()) {
      throw new IndexOutOfBoundsException(offset);
    }
    return Integer.toString(first + offset);
  }

  @Override
  public int offsetOf(String value) {
    if (!value.matches("[0-9]{1,5}")) {
      return -1;
    }
    int port = Integer.parseInt(value);
    return contains(port) ? port - first : -1;
  }

  /** Kubernetes': from 16 up to 128 ports, a 32nd of the range in between. */
  @Override
  public int staticBand() {
    return NumberedRange.staticBand(size(), 16, 32, 128);
  }

  @Override
  public String notInRange(String value) {
    return "provided port is not in the valid range. The range of valid ports is " + this;
  }

  @Override
  public String alreadyAllocated() {
    return "provided port is already allocated";
  }

  /** {@code 30000-32767}. */
  @Override
  public String toString() {
    return first + "-" + last;
  }
}
