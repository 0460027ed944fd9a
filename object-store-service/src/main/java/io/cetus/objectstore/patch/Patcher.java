package io.cetus.objectstore.patch;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.cetus.api.errors.ApiException;
import io.cetus.api.errors.StatusCause;
import io.cetus.api.resource.ResourceType;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies a PATCH body to an object, in any of the four {@link PatchType}s.
 *
 * <p>The result is the whole new object; the caller validates it and stores it. The patcher does
 * not protect identity fields: a patch may change {@code metadata.name}, {@code namespace}, {@code
 * uid} or {@code resourceVersion} like any other field, and the caller must check those against the
 * URL and the live object (Kubernetes rejects a changed name or namespace with 400/422 and uses a
 * patched {@code resourceVersion} as a precondition).
 *
 * <p>Errors, never a 500:
 *
 * <ul>
 *   <li>400 BadRequest: a body that is not JSON (or YAML), not an object (not a list for JSON
 *       Patch), or malformed for its format (unknown op or directive, missing merge key, bad
 *       pointer).
 *   <li>422 Invalid: a JSON Patch operation that does not apply (a missing path, an index out of
 *       range, a failed {@code test}), or a JSON Patch result that is not an object. The Status
 *       names the kind and object and has one cause with the operation's path, so kubectl prints
 *       {@code The Deployment "app" is invalid: spec.replicas: test operation failed: ...}.
 *       kube-apiserver answers such patches with 422 too.
 * </ul>
 *
 * Stateless and thread-safe; the inputs are never modified.
 */
@Component
public class Patcher {

  /**
   * @param live the current object, or null when there is none: {@link PatchType#APPLY_PATCH} then
   *     creates the object from the body; the other types patch an empty object
   * @param body the request body as sent
   * @return the patched object
   */
  public ObjectNode apply(
      ResourceType type, @Nullable ObjectNode live, PatchType patchType, byte[] body) {
    ObjectNode base = live == null ? JsonNodeFactory.instance.objectNode() : live;
    return switch (patchType) {
      case JSON_PATCH -> jsonPatch(type, base, body);
      case MERGE_PATCH ->
          (ObjectNode) JsonMergePatch.apply(base, PatchBodies.readObject(body, patchType));
      case STRATEGIC_MERGE_PATCH ->
          StrategicMergePatch.apply(
              base, PatchBodies.readObject(body, patchType), PatchSchemas.forType(type));
      case APPLY_PATCH ->
          ServerSideApply.apply(type, live, PatchBodies.readObject(body, patchType));
    };
  }

  private static ObjectNode jsonPatch(ResourceType type, ObjectNode live, byte[] body) {
    JsonNode result;
    try {
      result = JsonPatch.apply(live, PatchBodies.read(body));
    } catch (JsonPatchFailedException e) {
      throw invalid(type, live, fieldPath(e.path()), e.getMessage());
    }
    if (!(result instanceof ObjectNode object)) {
      throw invalid(type, live, "", "the patched document is not an object");
    }
    return object;
  }

  private static ApiException invalid(
      ResourceType type, ObjectNode live, String field, String message) {
    String name = live.path("metadata").path("name").asString("");
    return ApiException.invalid(
        type.kind(), name, List.of(new StatusCause("FieldValueInvalid", message, field)));
  }

  /** {@code /spec/containers/0/image} → {@code spec.containers[0].image}. */
  private static String fieldPath(String pointer) {
    var field = new StringBuilder();
    for (String token : pointer.isEmpty() ? new String[0] : pointer.substring(1).split("/", -1)) {
      String name = token.replace("~1", "/").replace("~0", "~");
      if (name.matches("[0-9]+|-")) {
        field.append('[').append(name).append(']');
      } else {
        field.append(field.isEmpty() ? "" : ".").append(name);
      }
    }
    return field.toString();
  }
}
