package io.cetus.objectstore.service;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.cetus.api.errors.ApiException;
import io.cetus.api.resource.ResourceType;
import io.cetus.objectstore.patch.PatchType;
import io.cetus.objectstore.patch.Patcher;
import io.cetus.objectstore.store.ObjectStore;

import tools.jackson.databind.node.ObjectNode;

/**
 * PATCH: the patch is applied to the live object and the result goes through the same rules as a
 * replace. The patch is re-applied to the fresh object when a concurrent write wins the race, so a
 * patch without a resourceVersion never fails with Conflict; one that sets a resourceVersion uses
 * it as a precondition. Server-side apply creates the object when it does not exist.
 */
@Component
class Patching {

  private final ObjectStore store;
  private final Patcher patcher;
  private final Updates updates;
  private final Creation creation;

  Patching(ObjectStore store, Patcher patcher, Updates updates, Creation creation) {
    this.store = store;
    this.patcher = patcher;
    this.updates = updates;
    this.creation = creation;
  }

  PatchResult patch(
      ResourceType type,
      @Nullable String namespace,
      String name,
      Updates.Scope scope,
      PatchType patchType,
      byte[] body,
      WriteOptions options) {
    Optional<ObjectNode> live = store.get(type, namespace, name);
    if (live.isEmpty()) {
      if (patchType != PatchType.APPLY_PATCH || scope != Updates.Scope.MAIN) {
        throw ApiException.notFound(type.qualifiedPlural(), name);
      }
      ObjectNode applied = patcher.apply(type, null, patchType, body);
      MetadataShape.checkObject(type, applied);
      Identity.requireName(applied, name);
      return new PatchResult(creation.create(type, namespace, applied, options), true);
    }
    ObjectNode patched =
        updates.update(
            type,
            namespace,
            name,
            scope,
            options,
            "patch",
            current -> patcher.apply(type, current, patchType, body));
    return new PatchResult(patched, false);
  }
}
