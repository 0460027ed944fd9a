package io.cetus.objectstore.patch;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON Merge Patch (RFC 7386): an object patch merges key by key into the target, {@code null}
 * removes a key, anything else (lists included) replaces the target's value. Inputs are never
 * modified.
 */
final class JsonMergePatch {

  private JsonMergePatch() {}

  static JsonNode apply(@Nullable JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch.deepCopy();
    }
    ObjectNode result =
        target instanceof ObjectNode object
            ? object.deepCopy()
            : JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, JsonNode> entry : patch.properties()) {
      if (entry.getValue().isNull()) {
        result.remove(entry.getKey());
      } else {
        result.set(entry.getKey(), apply(result.get(entry.getKey()), entry.getValue()));
      }
    }
    return result;
  }
}
