package io.cetus.objectstore.patch;

import io.cetus.api.errors.ApiException;
import io.cetus.api.json.Json;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Reads patch bodies: JSON, or YAML where the JSON parse fails (JSON is YAML, not the reverse). */
final class PatchBodies {

  private PatchBodies() {}

  static JsonNode read(byte[] body) {
    if (body.length == 0) {
      throw ApiException.badRequest("the patch body is empty");
    }
    try {
      return Json.mapper().readTree(body);
    } catch (JacksonException json) {
      try {
        JsonNode yaml = Json.yaml().readTree(body);
        if (yaml != null && (yaml.isObject() || yaml.isArray())) {
          return yaml;
        }
      } catch (JacksonException yaml) {
        // fall through: the JSON error is the more useful one for the usual JSON bodies
      }
      throw ApiException.badRequest(
          "the patch body is neither JSON nor YAML: " + json.getOriginalMessage());
    }
  }

  static ObjectNode readObject(byte[] body, PatchType type) {
    JsonNode node = read(body);
    if (!(node instanceof ObjectNode object)) {
      throw ApiException.badRequest(
          "a " + type.mediaType() + " body must be a JSON object, got " + node.getNodeType());
    }
    return object;
  }
}
