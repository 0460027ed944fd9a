package io.cetus.testsupport.client;

import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** RFC 7386 JSON merge patch: objects merge, {@code null} removes a key, anything else replaces. */
final class MergePatch {

  private MergePatch() {}

  /** {@code target} patched with {@code patch}; {@code target} itself is left alone. */
  static JsonNode apply(JsonNode target, JsonNode patch) {
    if (!(patch instanceof ObjectNode patchObject)) {
      return patch.deepCopy();
    }
    ObjectNode result =
        target instanceof ObjectNode targetObject
            ? targetObject.deepCopy()
            : patchObject.objectNode();
    for (Map.Entry<String, JsonNode> property : patchObject.properties()) {
      String name = property.getKey();
      JsonNode value = property.getValue();
      if (value.isNull()) {
        result.remove(name);
      } else {
        JsonNode current = result.get(name);
        result.set(name, apply(current == null ? patchObject.nullNode() : current, value));
      }
    }
    return result;
  }
}
