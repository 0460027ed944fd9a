package io.cetus.objectstore.openapi;

import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Builders of OpenAPI parameter, body and response objects. */
final class Operations {

  static final String JSON = "application/json";
  static final String YAML = "application/yaml";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Operations() {}

  static ObjectNode query(String name, String type, String description) {
    ObjectNode parameter = NODES.objectNode();
    parameter.put("name", name);
    parameter.put("in", "query");
    parameter.put("description", description);
    parameter.putObject("schema").put("type", type);
    return parameter;
  }

  static ObjectNode queryEnum(String name, String description, List<String> values) {
    ObjectNode parameter = query(name, "string", description);
    ArrayNode allowed = ((ObjectNode) parameter.get("schema")).putArray("enum");
    values.forEach(allowed::add);
    return parameter;
  }

  static ObjectNode queryArray(String name, String itemType, String description) {
    ObjectNode parameter = NODES.objectNode();
    parameter.put("name", name);
    parameter.put("in", "query");
    parameter.put("description", description);
    parameter.put("explode", true);
    ObjectNode schema = parameter.putObject("schema");
    schema.put("type", "array");
    schema.putObject("items").put("type", itemType);
    return parameter;
  }

  static ObjectNode path(String name, String description) {
    ObjectNode parameter = NODES.objectNode();
    parameter.put("name", name);
    parameter.put("in", "path");
    parameter.put("required", true);
    parameter.put("description", description);
    parameter.putObject("schema").put("type", "string");
    return parameter;
  }

  static ObjectNode ref(String schema) {
    return NODES.objectNode().put("$ref", SchemaCatalog.ref(schema));
  }

  /** A response with a JSON body of {@code schema}. */
  static ObjectNode jsonResponse(String description, String schema) {
    ObjectNode response = NODES.objectNode();
    response.put("description", description);
    response.putObject("content").putObject(JSON).set("schema", ref(schema));
    return response;
  }

  static ObjectNode emptyResponse(String description) {
    return NODES.objectNode().put("description", description);
  }

  /** A request body of one schema, in JSON or YAML, with an example when given. */
  static ObjectNode objectBody(String schema, JsonNode example, boolean required) {
    ObjectNode body = NODES.objectNode();
    body.put("required", required);
    ObjectNode content = body.putObject("content");
    for (String mediaType : List.of(JSON, YAML)) {
      ObjectNode media = content.putObject(mediaType);
      media.set("schema", ref(schema));
      media.set("example", example.deepCopy());
    }
    return body;
  }

  /** A request body in each patch format, with an example each. */
  static ObjectNode patchBody(
      String schema, JsonNode strategic, JsonNode merge, JsonNode jsonPatch, JsonNode apply) {
    ObjectNode body = NODES.objectNode();
    body.put("required", true);
    body.put(
        "description",
        "The Content-Type picks the format: strategic merge patch (lists of containers, ports, env"
            + " ... merge by key), JSON merge patch (RFC 7386), JSON Patch (RFC 6902), or"
            + " server-side apply (JSON or YAML; creates the object when missing).");
    ObjectNode content = body.putObject("content");
    ObjectNode freeForm = NODES.objectNode().put("type", "object");
    ObjectNode patchArray = NODES.objectNode().put("type", "array");
    patchArray.set("items", ref(SchemaCatalog.JSON_PATCH));
    media(content, "application/strategic-merge-patch+json", freeForm, strategic);
    media(content, "application/merge-patch+json", freeForm, merge);
    media(content, "application/json-patch+json", patchArray, jsonPatch);
    media(content, "application/apply-patch+yaml", ref(schema), apply);
    return body;
  }

  private static void media(
      ObjectNode content, String mediaType, JsonNode schema, JsonNode example) {
    ObjectNode media = content.putObject(mediaType);
    media.set("schema", schema.deepCopy());
    media.set("example", example.deepCopy());
  }
}
