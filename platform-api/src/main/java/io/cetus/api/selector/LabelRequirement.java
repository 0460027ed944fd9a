package io.cetus.api.selector;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One requirement of a label selector. {@code values} are sorted and free of duplicates; they hold
 * exactly one value for the equality operators and none for the existence operators.
 */
record LabelRequirement(String key, Operator operator, List<String> values) {

  enum Operator {
    EQUALS("="),
    DOUBLE_EQUALS("=="),
    NOT_EQUALS("!="),
    IN(" in "),
    NOT_IN(" notin "),
    EXISTS(""),
    DOES_NOT_EXIST("!"),
    GREATER_THAN(">"),
    LESS_THAN("<");

    private final String symbol;

    Operator(String symbol) {
      this.symbol = symbol;
    }
  }

  LabelRequirement {
    values = List.copyOf(new TreeSet<>(values));
  }

  boolean matches(Map<String, String> labels) {
    String value = labels.get(key);
    return switch (operator) {
      case EQUALS, DOUBLE_EQUALS, IN -> value != null && values.contains(value);
      case NOT_EQUALS, NOT_IN -> value == null || !values.contains(value);
      case EXISTS -> value != null;
      case DOES_NOT_EXIST -> value == null;
      case GREATER_THAN -> compareAsInteger(value) > 0;
      case LESS_THAN -> compareAsInteger(value) < 0;
    };
  }

  /**
   * The label compared with the single integer value: positive when greater, negative when less,
   * and 0 (matching neither operator) when the label is missing or not an integer.
   */
  private int compareAsInteger(String label) {
    if (label == null) {
      return 0;
    }
    try {
      return Long.compare(Long.parseLong(label), Long.parseLong(values.getFirst()));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  @Override
  public String toString() {
    return switch (operator) {
      case EXISTS -> key;
      case DOES_NOT_EXIST -> "!" + key;
      case IN, NOT_IN -> key + operator.symbol + "(" + String.join(",", values) + ")";
      default -> key + operator.symbol + values.getFirst();
    };
  }
}
