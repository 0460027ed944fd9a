package io.cetus.objectstore.patch;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.cetus.api.errors.ApiException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Kubernetes' strategic merge patch over JSON trees.
 *
 * <ul>
 *   <li>Maps merge recursively; a {@code null} value deletes the key.
 *   <li>Lists the {@link PatchSchema} marks as merging combine with the live list: lists of objects
 *       element by element, matched on the merge key (a patch element without it is a 400), lists
 *       of strings as a set. Every other list is replaced by the patch's.
 *   <li>Directives: {@code $patch: replace} (the map or list is replaced, not merged), {@code
 *       $patch: delete} (the map, or the list element with that merge key, is removed), {@code
 *       $patch: merge} (the default), {@code $retainKeys: [..]} (the map keeps only the listed
 *       keys), {@code $deleteFromPrimitiveList/<list>: [..]} (those values leave the string list),
 *       {@code $setElementOrder/<list>: [..]} (the order of the merged list: the listed elements in
 *       that order, elements only the server had kept near their old neighbours). No directive key
 *       survives into the result.
 * </ul>
 *
 * The inputs are never modified.
 */
final class StrategicMergePatch {

  static final String PATCH = "$patch";
  static final String RETAIN_KEYS = "$retainKeys";
  static final String SET_ELEMENT_ORDER = "$setElementOrder/";
  static final String DELETE_FROM_PRIMITIVE_LIST = "$deleteFromPrimitiveList/";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private StrategicMergePatch() {}

  /**
   * {@code live} with {@code patch} merged in.
   *
   * @throws ApiException BadRequest for a malformed patch: an unknown directive, a list element
   *     without its merge key, a directive of the wrong shape, or {@code $patch: delete} of the
   *     whole object
   */
  static ObjectNode apply(ObjectNode live, ObjectNode patch, PatchSchema schema) {
    ObjectNode merged = mergeMap(live, patch, schema, "");
    if (merged == null) {
      throw ApiException.badRequest(
          "a patch cannot delete the whole object ($patch: delete at the top level); use DELETE");
    }
    return merged;
  }

  private static @Nullable ObjectNode mergeMap(
      @Nullable ObjectNode original, ObjectNode patch, PatchSchema schema, String path) {
    JsonNode directive = patch.get(PATCH);
    ObjectNode base = original;
    if (directive != null) {
      switch (directive.isString() ? directive.asString() : directive.toString()) {
        case "delete" -> {
          return null;
        }
        case "replace" -> base = null;
        case "merge" -> {}
        default ->
            throw ApiException.badRequest(
                "unknown patch directive " + PATCH + ": " + directive + " at " + describe(path));
      }
    }
    ObjectNode result = base == null ? NODES.objectNode() : base.deepCopy();
    for (Map.Entry<String, JsonNode> entry : patch.properties()) {
      if (entry.getKey().startsWith(DELETE_FROM_PRIMITIVE_LIST)) {
        String list = entry.getKey().substring(DELETE_FROM_PRIMITIVE_LIST.length());
        deleteFromPrimitiveList(result, list, entry.getValue(), join(path, list));
      }
    }
    for (Map.Entry<String, JsonNode> entry : patch.properties()) {
      String key = entry.getKey();
      JsonNode value = entry.getValue();
      if (key.startsWith("$")) {
        continue;
      }
      PatchSchema.Field field = schema.field(key);
      String fieldPath = join(path, key);
      if (value.isNull()) {
        result.remove(key);
      } else if (value.isObject()) {
        JsonNode current = result.get(key);
        ObjectNode merged =
            mergeMap(
                current instanceof ObjectNode object ? object : null,
                (ObjectNode) value,
                field.schema(),
                fieldPath);
        if (merged == null) {
          result.remove(key);
        } else {
          result.set(key, merged);
        }
      } else if (value.isArray()) {
        result.set(key, mergeList(result.get(key), (ArrayNode) value, field, fieldPath));
      } else {
        result.set(key, value.deepCopy());
      }
    }
    for (Map.Entry<String, JsonNode> entry : patch.properties()) {
      if (entry.getKey().startsWith(SET_ELEMENT_ORDER)) {
        String list = entry.getKey().substring(SET_ELEMENT_ORDER.length());
        JsonNode before = base == null ? null : base.get(list);
        setElementOrder(
            result, list, entry.getValue(), schema.field(list), before, join(path, list));
      }
    }
    JsonNode retainKeys = patch.get(RETAIN_KEYS);
    if (retainKeys != null) {
      retainKeys(result, retainKeys, path);
    }
    return result;
  }

  private static JsonNode mergeList(
      @Nullable JsonNode current, ArrayNode patch, PatchSchema.Field field, String path) {
    if (!field.merge()) {
      return replacement(patch, field.schema(), path);
    }
    ArrayNode result = current instanceof ArrayNode array ? array.deepCopy() : NODES.arrayNode();
    String mergeKey = field.mergeKey();
    if (mergeKey == null) {
      for (JsonNode value : patch) {
        if (!contains(result, value)) {
          result.add(value.deepCopy());
        }
      }
      return result;
    }
    for (JsonNode element : patch) {
      if (element.isObject() && "replace".equals(element.path(PATCH).asString(null))) {
        return replacement(patch, field.schema(), path);
      }
    }
    for (JsonNode element : patch) {
      if (!(element instanceof ObjectNode elementPatch)) {
        throw ApiException.badRequest(
            describe(path) + ": expected objects with merge key " + mergeKey + ", got " + element);
      }
      JsonNode key = elementPatch.get(mergeKey);
      if (key == null || key.isNull()) {
        throw ApiException.badRequest(
            describe(path) + ": " + element + " does not contain declared merge key: " + mergeKey);
      }
      int index = indexOf(result, mergeKey, key);
      String elementPath = path + "[" + mergeKey + "=" + text(key) + "]";
      if ("delete".equals(elementPatch.path(PATCH).asString(null))) {
        if (index >= 0) {
          result.remove(index);
        }
        continue;
      }
      ObjectNode original = index >= 0 ? (ObjectNode) result.get(index) : null;
      ObjectNode merged = mergeMap(original, elementPatch, field.schema(), elementPath);
      if (index >= 0 && merged == null) {
        result.remove(index);
      } else if (index >= 0) {
        result.set(index, merged);
      } else if (merged != null) {
        result.add(merged);
      }
    }
    return result;
  }

  /** The patch list itself, with directives resolved against nothing. */
  private static ArrayNode replacement(ArrayNode patch, PatchSchema schema, String path) {
    ArrayNode result = NODES.arrayNode();
    for (JsonNode element : patch) {
      if (element instanceof ObjectNode object) {
        if (object.size() == 1 && object.has(PATCH)) {
          continue;
        }
        ObjectNode clean = mergeMap(null, object, schema, path);
        if (clean != null) {
          result.add(clean);
        }
      } else {
        result.add(element.deepCopy());
      }
    }
    return result;
  }

  private static void deleteFromPrimitiveList(
      ObjectNode target, String list, JsonNode values, String path) {
    if (!values.isArray()) {
      throw ApiException.badRequest(
          describe(path) + ": " + DELETE_FROM_PRIMITIVE_LIST + list + " must be a list");
    }
    if (target.get(list) instanceof ArrayNode current) {
      ArrayNode kept = NODES.arrayNode();
      for (JsonNode element : current) {
        if (!contains((ArrayNode) values, element)) {
          kept.add(element);
        }
      }
      target.set(list, kept);
    }
  }

  /**
   * Reorders the merged list: elements named in {@code order} in that order, interleaved with the
   * elements only the server had, each of those kept after the elements it followed before.
   */
  private static void setElementOrder(
      ObjectNode target,
      String list,
      JsonNode order,
      PatchSchema.Field field,
      @Nullable JsonNode before,
      String path) {
    if (!order.isArray()) {
      throw ApiException.badRequest(
          describe(path) + ": " + SET_ELEMENT_ORDER + list + " must be a list");
    }
    if (!(target.get(list) instanceof ArrayNode merged)) {
      return;
    }
    String mergeKey = field.mergeKey();
    List<JsonNode> mergedKeys = new ArrayList<>();
    for (JsonNode element : merged) {
      mergedKeys.add(keyOf(element, mergeKey));
    }
    Deque<JsonNode> ordered = new ArrayDeque<>();
    Set<Integer> taken = new HashSet<>();
    for (JsonNode wanted : order) {
      JsonNode wantedKey = keyOf(wanted, mergeKey);
      int index = mergedKeys.indexOf(wantedKey);
      if (wantedKey != null && index >= 0 && taken.add(index)) {
        ordered.add(merged.get(index));
      }
    }
    Deque<JsonNode> serverOnly = new ArrayDeque<>();
    for (int i = 0; i < merged.size(); i++) {
      if (!taken.contains(i)) {
        serverOnly.add(merged.get(i));
      }
    }
    List<JsonNode> beforeKeys = new ArrayList<>();
    if (before instanceof ArrayNode beforeList) {
      for (JsonNode element : beforeList) {
        beforeKeys.add(keyOf(element, mergeKey));
      }
    }
    ArrayNode result = NODES.arrayNode();
    while (!ordered.isEmpty() && !serverOnly.isEmpty()) {
      int orderedAt = beforeKeys.indexOf(keyOf(ordered.peek(), mergeKey));
      int serverAt = beforeKeys.indexOf(keyOf(serverOnly.peek(), mergeKey));
      result.add(orderedAt >= 0 && orderedAt > serverAt ? serverOnly.poll() : ordered.poll());
    }
    ordered.forEach(result::add);
    serverOnly.forEach(result::add);
    target.set(list, result);
  }

  private static void retainKeys(ObjectNode target, JsonNode keys, String path) {
    if (!keys.isArray()) {
      throw ApiException.badRequest(describe(path) + ": " + RETAIN_KEYS + " must be a list");
    }
    Set<String> retained = new HashSet<>();
    keys.forEach(key -> retained.add(key.asString("")));
    List<String> dropped = new ArrayList<>();
    for (String name : target.propertyNames()) {
      if (!retained.contains(name)) {
        dropped.add(name);
      }
    }
    target.remove(dropped);
  }

  private static @Nullable JsonNode keyOf(JsonNode element, @Nullable String mergeKey) {
    return mergeKey == null ? element : element.get(mergeKey);
  }

  private static int indexOf(ArrayNode list, String mergeKey, JsonNode key) {
    for (int i = 0; i < list.size(); i++) {
      if (key.equals(list.get(i).get(mergeKey))) {
        return i;
      }
    }
    return -1;
  }

  private static boolean contains(ArrayNode list, JsonNode value) {
    for (JsonNode element : list) {
      if (element.equals(value)) {
        return true;
      }
    }
    return false;
  }

  private static String text(JsonNode key) {
    return key.isString() ? key.asString() : key.toString();
  }

  private static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private static String describe(String path) {
    return path.isEmpty() ? "the patch" : path;
  }
}
