package io.cetus.objectstore.patch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.cetus.api.errors.ApiException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON Patch (RFC 6902): {@code add}, {@code remove}, {@code replace}, {@code move}, {@code copy}
 * and {@code test}, with JSON pointers (RFC 6901: {@code ~0} is {@code ~}, {@code ~1} is {@code /},
 * {@code -} appends to an array). Operations apply in order to a copy of the document; the first
 * that fails stops the patch and nothing is applied.
 *
 * <p>A malformed patch (not a list, an unknown op, a missing member, a pointer that does not start
 * with {@code /}) is an {@link ApiException} BadRequest; a well-formed operation that does not
 * apply is a {@link JsonPatchFailedException}.
 */
final class JsonPatch {

  /** Numbers are equal by value in {@code test}: {@code 1} equals {@code 1.0}. */
  private static final Comparator<JsonNode> JSON_EQUALITY =
      (a, b) -> {
        if (a.equals(b)) {
          return 0;
        }
        if (a.isNumber() && b.isNumber()) {
          return a.decimalValue().compareTo(b.decimalValue()) == 0 ? 0 : 1;
        }
        return 1;
      };

  private JsonNode root;

  private JsonPatch(JsonNode document) {
    this.root = document.deepCopy();
  }

  static JsonNode apply(JsonNode document, JsonNode operations) {
    if (!operations.isArray()) {
      throw ApiException.badRequest("a JSON patch must be a list of operations");
    }
    JsonPatch patch = new JsonPatch(document);
    for (JsonNode operation : operations) {
      patch.perform(operation);
    }
    return patch.root;
  }

  private void perform(JsonNode operation) {
    if (!operation.isObject()) {
      throw ApiException.badRequest("a JSON patch operation must be an object, got " + operation);
    }
    String op = member(operation, "op").asString();
    String path = member(operation, "path").asString();
    List<String> tokens = pointer(path);
    switch (op) {
      case "add" -> add(path, tokens, value(operation));
      case "remove" -> remove(path, tokens);
      case "replace" -> replace(path, tokens, value(operation));
      case "move" -> {
        String from = member(operation, "from").asString();
        if (path.startsWith(from + "/")) {
          throw new JsonPatchFailedException(
              path, "move operation cannot move " + from + " into its own child " + path);
        }
        if (!from.equals(path)) {
          add(path, tokens, remove(from, pointer(from)));
        }
      }
      case "copy" -> {
        String from = member(operation, "from").asString();
        add(path, tokens, get(from, pointer(from)).deepCopy());
      }
      case "test" -> {
        JsonNode expected = value(operation);
        JsonNode actual = get(path, tokens);
        if (!actual.equals(JSON_EQUALITY, expected)) {
          throw new JsonPatchFailedException(
              path, "test operation failed: " + path + " is " + actual + ", not " + expected);
        }
      }
      default -> throw ApiException.badRequest("unknown JSON patch operation \"" + op + "\"");
    }
  }

  private void add(String path, List<String> tokens, JsonNode value) {
    if (tokens.isEmpty()) {
      root = value.deepCopy();
      return;
    }
    JsonNode parent = parent(path, tokens);
    String last = tokens.getLast();
    if (parent instanceof ObjectNode object) {
      object.set(last, value.deepCopy());
    } else if (parent instanceof ArrayNode array) {
      int index = last.equals("-") ? array.size() : index(path, last, array.size() + 1);
      array.insert(index, value.deepCopy());
    } else {
      throw new JsonPatchFailedException(
          path, "add operation does not apply: parent of " + path + " is not an object or list");
    }
  }

  private JsonNode remove(String path, List<String> tokens) {
    if (tokens.isEmpty()) {
      throw new JsonPatchFailedException(path, "remove operation cannot remove the whole document");
    }
    JsonNode parent = parent(path, tokens);
    String last = tokens.getLast();
    if (parent instanceof ObjectNode object && object.has(last)) {
      return object.remove(last);
    }
    if (parent instanceof ArrayNode array) {
      return array.remove(index(path, last, array.size()));
    }
    throw missing("remove", path);
  }

  private void replace(String path, List<String> tokens, JsonNode value) {
    if (tokens.isEmpty()) {
      root = value.deepCopy();
      return;
    }
    JsonNode parent = parent(path, tokens);
    String last = tokens.getLast();
    if (parent instanceof ObjectNode object && object.has(last)) {
      object.set(last, value.deepCopy());
    } else if (parent instanceof ArrayNode array) {
      array.set(index(path, last, array.size()), value.deepCopy());
    } else {
      throw missing("replace", path);
    }
  }

  private JsonNode get(String path, List<String> tokens) {
    JsonNode node = root;
    for (String token : tokens) {
      node = child(node, token, path);
    }
    return node;
  }

  private JsonNode parent(String path, List<String> tokens) {
    JsonNode node = root;
    for (String token : tokens.subList(0, tokens.size() - 1)) {
      node = child(node, token, path);
    }
    return node;
  }

  private static JsonNode child(JsonNode node, String token, String path) {
    JsonNode child = null;
    if (node instanceof ObjectNode object) {
      child = object.get(token);
    } else if (node instanceof ArrayNode array) {
      child = array.get(index(path, token, array.size()));
    }
    if (child == null) {
      throw new JsonPatchFailedException(path, "the document has no value at " + path);
    }
    return child;
  }

  /** An array index below {@code bound}, written without leading zeros. */
  private static int index(String path, String token, int bound) {
    if (!token.matches("0|[1-9][0-9]{0,8}")) {
      throw new JsonPatchFailedException(
          path, "\"" + token + "\" in " + path + " is not a list index");
    }
    int index = Integer.parseInt(token);
    if (index >= bound) {
      throw new JsonPatchFailedException(
          path, "list index " + index + " in " + path + " is out of range");
    }
    return index;
  }

  private static JsonPatchFailedException missing(String op, String path) {
    return new JsonPatchFailedException(
        path, op + " operation does not apply: the document has no value at " + path);
  }

  private static List<String> pointer(String path) {
    List<String> tokens = new ArrayList<>();
    if (path.isEmpty()) {
      return tokens;
    }
    if (!path.startsWith("/")) {
      throw ApiException.badRequest("JSON pointer \"" + path + "\" must start with /");
    }
    for (String raw : path.substring(1).split("/", -1)) {
      if (raw.matches(".*~([^01]|$).*")) {
        throw ApiException.badRequest("JSON pointer \"" + path + "\" has an invalid ~ escape");
      }
      tokens.add(raw.replace("~1", "/").replace("~0", "~"));
    }
    return tokens;
  }

  private static JsonNode member(JsonNode operation, String name) {
    JsonNode member = operation.get(name);
    if (member == null || !member.isString()) {
      throw ApiException.badRequest(
          "JSON patch operation " + operation + " needs a string \"" + name + "\"");
    }
    return member;
  }

  private static JsonNode value(JsonNode operation) {
    JsonNode value = operation.get("value");
    if (value == null) {
      throw ApiException.badRequest("JSON patch operation " + operation + " needs a \"value\"");
    }
    return value;
  }
}
