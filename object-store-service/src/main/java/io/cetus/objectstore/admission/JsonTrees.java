package io.cetus.objectstore.admission;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Comparing JSON trees the way Kubernetes compares the Go structs they decode to: an absent field,
 * {@code null}, {@code ""}, {@code 0}, {@code false}, {@code {}} and {@code []} are all the same
 * zero value, so {@code "resources": {}} equals no {@code resources} at all.
 */
final class JsonTrees {

  private JsonTrees() {}

  static boolean semanticallyEqual(@Nullable JsonNode a, @Nullable JsonNode b) {
    JsonNode left = pruned(a);
    JsonNode right = pruned(b);
    if (left == null || right == null) {
      return left == right;
    }
    return left.equals(right);
  }

  /** A copy without zero values, or {@code null} when nothing but zero values remain. */
  static @Nullable JsonNode pruned(@Nullable JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node instanceof ObjectNode object) {
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      for (Map.Entry<String, JsonNode> entry : object.properties()) {
        JsonNode value = pruned(entry.getValue());
        if (value != null) {
          copy.set(entry.getKey(), value);
        }
      }
      return copy.isEmpty() ? null : copy;
    }
    if (node instanceof ArrayNode array) {
      ArrayNode copy = JsonNodeFactory.instance.arrayNode();
      for (JsonNode element : array) {
        JsonNode value = pruned(element);
        // Elements keep their positions: an empty element is still an element.
        copy.add(value == null ? JsonNodeFactory.instance.objectNode() : value);
      }
      return copy.isEmpty() ? null : copy;
    }
    if (node.isString() && node.stringValue().isEmpty()) {
      return null;
    }
    if (node.isNumber()) {
      // 30, 30L and 30.0 are one value whichever node class the parser or a default chose.
      var value = node.decimalValue();
      return value.signum() == 0
          ? null
          : JsonNodeFactory.instance.numberNode(value.stripTrailingZeros());
    }
    if (node.isBoolean() && !node.booleanValue()) {
      return null;
    }
    return node;
  }

  /**
   * Sets {@code to.name} to a copy of {@code from.name}, or removes it when {@code from} has none.
   */
  static void copyField(ObjectNode from, ObjectNode to, String name) {
    JsonNode value = from.get(name);
    if (value == null) {
      to.remove(name);
    } else {
      to.set(name, value.deepCopy());
    }
  }
}
