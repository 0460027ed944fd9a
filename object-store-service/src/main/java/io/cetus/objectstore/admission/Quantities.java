package io.cetus.objectstore.admission;

import java.util.ArrayList;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.cetus.api.quantity.Quantity;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Resource quantities in JSON: {@code "500m"}, {@code "1Gi"}, or a bare number ({@code 2}). */
final class Quantities {

  static final String FORMAT =
      "quantities must match the regular expression"
          + " '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

  private Quantities() {}

  /**
   * Rewrites numbers in a resource list ({@code cpu: 2}) as strings ({@code cpu: "2"}): Kubernetes
   * always stores and returns quantities as strings, and typed clients expect them so.
   */
  static void normalize(ObjectNode resourceList) {
    for (Map.Entry<String, JsonNode> entry : new ArrayList<>(resourceList.properties())) {
      JsonNode value = entry.getValue();
      if (value.isNumber()) {
        resourceList.put(entry.getKey(), value.decimalValue().stripTrailingZeros().toPlainString());
      }
    }
  }

  /** The quantity in {@code field}, or {@code null} (reported) when it is not one. */
  static @Nullable Quantity read(Field field) {
    JsonNode value = field.node();
    if (value == null) {
      return null;
    }
    String text;
    if (value.isString()) {
      text = value.stringValue();
    } else if (value.isNumber()) {
      text = value.decimalValue().stripTrailingZeros().toPlainString();
    } else {
      field.problems().wrongType(field.path(), value, "string");
      return null;
    }
    try {
      return Quantity.parse(text);
    } catch (IllegalArgumentException e) {
      field.problems().invalid(field.path(), text, FORMAT);
      return null;
    }
  }

  /** A quantity that must not be negative; returns it when valid. */
  static @Nullable Quantity nonNegative(Field field) {
    Quantity quantity = read(field);
    if (quantity != null && quantity.value().signum() < 0) {
      field
          .problems()
          .invalid(field.path(), quantity.toString(), "must be greater than or equal to 0");
      return null;
    }
    return quantity;
  }
}
