package io.cetus.objectstore.patch;

import org.jspecify.annotations.Nullable;

import io.cetus.api.errors.ApiException;
import io.cetus.api.resource.ResourceType;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A simplified server-side apply: the applied configuration wins wherever it names a field.
 *
 * <ul>
 *   <li>No live object: the applied configuration is the new object (SSA creates).
 *   <li>Otherwise it is strategic-merged over the live object: maps merge, lists with a merge key
 *       merge element by element, other lists are replaced, fields the configuration does not name
 *       keep their live values.
 * </ul>
 *
 * Unlike Kubernetes, no {@code managedFields} are tracked: a field a manager applied once and then
 * left out of its configuration is kept rather than removed, and there are no conflicts between
 * managers ({@code force} changes nothing).
 */
final class ServerSideApply {

  private ServerSideApply() {}

  /**
   * @throws ApiException BadRequest when the configuration names another apiVersion or kind
   */
  static ObjectNode apply(ResourceType type, @Nullable ObjectNode live, ObjectNode applied) {
    expect(applied, "apiVersion", type.apiVersion());
    expect(applied, "kind", type.kind());
    PatchSchema schema = PatchSchemas.forType(type);
    ObjectNode base = live == null ? applied.objectNode() : live;
    return StrategicMergePatch.apply(base, applied, schema);
  }

  private static void expect(ObjectNode applied, String field, String expected) {
    JsonNode value = applied.get(field);
    if (value != null && !value.isNull() && !expected.equals(value.asString(""))) {
      throw ApiException.badRequest(
          "the applied configuration has "
              + field
              + " "
              + value
              + ", but this resource is "
              + expected);
    }
  }
}
