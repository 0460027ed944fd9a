package io.cetus.objectstore.service;

import java.util.List;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.cetus.api.errors.ApiErrors;
import io.cetus.api.errors.ApiException;
import io.cetus.api.errors.StatusCause;
import io.cetus.api.resource.ResourceType;
import io.cetus.api.resource.ResourceTypes;
import io.cetus.objectstore.admission.AdmissionChain;
import io.cetus.objectstore.allocation.PendingAllocation;
import io.cetus.objectstore.allocation.ServiceAllocations;
import io.cetus.objectstore.store.ObjectStore;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Read-modify-write of existing objects with Kubernetes' rules, as one retry loop: read the live
 * object, compute the desired one, write it on the condition that the live one has not changed
 * since, and start over when it has. A resourceVersion the client put in the desired object is a
 * precondition (409 Conflict when stale); without one, the update is unconditional and a lost race
 * is retried here.
 *
 * <p>Rules applied on the way: the server-owned metadata ({@code uid}, {@code creationTimestamp},
 * {@code generation}, {@code deletionTimestamp}) is kept from the live object; kinds with a status
 * subresource keep the live status on a main update and keep everything but status on a status
 * update; {@code generation} is bumped when anything outside metadata and status changed; no
 * finalizer may be added to an object being deleted; an update that removes the last finalizer of
 * an object being deleted removes the object. An update that changes nothing writes nothing.
 */
@Component
class Updates {

  /** How often a lost race is retried before the client gets the Conflict. */
  private static final int ATTEMPTS = 10;

  private static final List<String> SERVER_OWNED =
      List.of(
          "uid",
          "creationTimestamp",
          "deletionTimestamp",
          "deletionGracePeriodSeconds",
          "generation");

  /** Which part of the object an update may change. */
  enum Scope {
    /** The object itself: everything but status (for kinds with a status subresource). */
    MAIN,
    /** The {@code status} subresource: status only. */
    STATUS
  }

  private final ObjectStore store;
  private final AdmissionChain admission;
  private final ServiceAllocations allocations;
  private final ApiMetrics metrics;

  Updates(
      ObjectStore store,
      AdmissionChain admission,
      ServiceAllocations allocations,
      ApiMetrics metrics) {
    this.store = store;
    this.admission = admission;
    this.allocations = allocations;
    this.metrics = metrics;
  }

  /** PUT: replaces the object, or its status, with {@code body}. */
  ObjectNode replace(
      ResourceType type,
      @Nullable String namespace,
      String name,
      Scope scope,
      ObjectNode body,
      WriteOptions options) {
    MetadataShape.checkObject(type, body);
    Identity.placeInNamespace(type, namespace, body);
    Identity.requireName(body, name);
    return update(type, namespace, name, scope, options, "update", live -> body.deepCopy());
  }

  /**
   * The retry loop for client-facing updates: admission runs on every attempt.
   *
   * @param desiredFrom computes the desired object from (a copy of) the live one
   * @param verb the verb the write is counted under
   */
  ObjectNode update(
      ResourceType type,
      @Nullable String namespace,
      String name,
      Scope scope,
      WriteOptions options,
      String verb,
      UnaryOperator<ObjectNode> desiredFrom) {
    for (int attempt = 1; ; attempt++) {
      ObjectNode live = live(type, namespace, name);
      String liveVersion = Meta.resourceVersion(live);
      ObjectNode desired = desiredFrom.apply(live.deepCopy());
      MetadataShape.checkObject(type, desired);
      Identity.placeInNamespace(type, namespace, desired);
      Identity.requireName(desired, name);
      checkPreconditions(type, name, live, desired);
      ObjectNode candidate =
          scope == Scope.MAIN ? mainUpdate(type, live, desired) : statusUpdate(live, desired);
      checkNoFinalizerAdded(type, live, candidate);
      ObjectNode admitted =
          Admissions.decodeErrorsAsBadRequest(
              () ->
                  scope == Scope.MAIN
                      ? admission.admitUpdate(type, candidate, live)
                      : admission.admitStatusUpdate(type, candidate, live));
      // Status writes keep the spec, so they never allocate.
      PendingAllocation allocation =
          scope == Scope.MAIN
              ? allocations.allocateUpdate(type, admitted, live)
              : PendingAllocation.NONE;
      try {
        // Compared after admission, so a body that only omits defaulted fields is no spec change.
        if (scope == Scope.MAIN
            && Kinds.tracksGeneration(type)
            && Meta.specChanged(live, admitted)) {
          Meta.metadata(admitted).put("generation", Math.max(1, Meta.generation(live)) + 1);
        }
        if (options.dryRun()) {
          return admitted;
        }
        if (Meta.sameIgnoringResourceVersion(admitted, live)) {
          return live;
        }
        ObjectNode stored = store.update(type, admitted, liveVersion);
        allocation.commit();
        metrics.write(type, verb);
        return finishDeletionIfReleased(type, stored);
      } catch (ApiException e) {
        if (!ApiErrors.isConflict(e)) {
          throw e;
        }
        if (attempt == ATTEMPTS) {
          throw ApiException.staleResourceVersion(type.qualifiedPlural(), name);
        }
      } finally {
        allocation.abort();
      }
    }
  }

  /**
   * The retry loop for the server's own bookkeeping (deletion marks, finalizers, bindings):
   * admission does not run, since these change only what the server owns.
   *
   * @param mutation changes (a copy of) the live object; returning it unchanged writes nothing
   */
  ObjectNode updateInternally(
      ResourceType type,
      @Nullable String namespace,
      String name,
      boolean dryRun,
      String verb,
      UnaryOperator<ObjectNode> mutation) {
    for (int attempt = 1; ; attempt++) {
      ObjectNode live = live(type, namespace, name);
      ObjectNode candidate = mutation.apply(live.deepCopy());
      if (dryRun || Meta.sameIgnoringResourceVersion(candidate, live)) {
        return dryRun ? candidate : live;
      }
      try {
        ObjectNode stored = store.update(type, candidate, Meta.resourceVersion(live));
        metrics.write(type, verb);
        return finishDeletionIfReleased(type, stored);
      } catch (ApiException e) {
        if (!ApiErrors.isConflict(e) || attempt == ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private ObjectNode live(ResourceType type, @Nullable String namespace, String name) {
    return store
        .get(type, namespace, name)
        .orElseThrow(() -> ApiException.notFound(type.qualifiedPlural(), name));
  }

  private static void checkPreconditions(
      ResourceType type, String name, ObjectNode live, ObjectNode desired) {
    String wantedVersion = Meta.resourceVersion(desired);
    if (wantedVersion != null && !wantedVersion.equals(Meta.resourceVersion(live))) {
      throw ApiException.staleResourceVersion(type.qualifiedPlural(), name);
    }
    String wantedUid = Meta.uid(desired);
    String liveUid = Meta.uid(live);
    if (wantedUid != null && !wantedUid.equals(liveUid)) {
      throw ApiException.conflict(
          type.qualifiedPlural(),
          name,
          "Precondition failed: UID in precondition: "
              + wantedUid
              + ", UID in object meta: "
              + liveUid);
    }
  }

  private static ObjectNode mainUpdate(ResourceType type, ObjectNode live, ObjectNode desired) {
    ObjectNode metadata = Meta.metadata(desired);
    ObjectNode liveMetadata = Meta.metadata(live);
    for (String field : SERVER_OWNED) {
      JsonNode value = liveMetadata.get(field);
      if (value == null) {
        metadata.remove(field);
      } else {
        metadata.set(field, value.deepCopy());
      }
    }
    metadata.put("resourceVersion", Meta.resourceVersion(live));
    metadata.remove(List.of("managedFields", "selfLink"));
    if (Kinds.hasStatusSubresource(type)) {
      JsonNode status = live.get("status");
      if (status == null) {
        desired.remove("status");
      } else {
        desired.set("status", status.deepCopy());
      }
    }
    if (Kinds.tracksGeneration(type)) {
      metadata.put("generation", Math.max(1, Meta.generation(live)));
    }
    return desired;
  }

  private static ObjectNode statusUpdate(ObjectNode live, ObjectNode desired) {
    ObjectNode candidate = live.deepCopy();
    JsonNode status = desired.get("status");
    if (status == null || status.isNull()) {
      candidate.remove("status");
    } else {
      candidate.set("status", status);
    }
    return candidate;
  }

  private static void checkNoFinalizerAdded(
      ResourceType type, ObjectNode live, ObjectNode candidate) {
    if (!Meta.isDeleting(live)) {
      return;
    }
    List<String> before = Meta.finalizers(live);
    for (String finalizer : Meta.finalizers(candidate)) {
      if (!before.contains(finalizer)) {
        throw ApiException.invalid(
            type.kind(),
            String.valueOf(Meta.name(live)),
            List.of(
                StatusCause.forbidden(
                    "metadata.finalizers",
                    "no new finalizers can be added if the object is being deleted, found new"
                        + " finalizers [\""
                        + finalizer
                        + "\"]")));
      }
    }
  }

  /**
   * Removes an object whose deletion waited only for finalizers that are now gone. Pods still in
   * their grace period stay for their node agent, and namespaces for their content.
   */
  ObjectNode finishDeletionIfReleased(ResourceType type, ObjectNode stored) {
    if (!Meta.isDeleting(stored) || !Meta.finalizers(stored).isEmpty()) {
      return stored;
    }
    Long grace = Meta.deletionGracePeriodSeconds(stored);
    if (grace != null && grace > 0) {
      return stored;
    }
    if (type.equals(ResourceTypes.NAMESPACES) && NamespacePhases.hasKubernetesFinalizer(stored)) {
      return stored;
    }
    String name = Meta.name(stored);
    if (name == null) {
      return stored;
    }
    try {
      ObjectNode removed =
          store.delete(type, Meta.namespace(stored), name, Meta.resourceVersion(stored));
      allocations.release(type, removed);
      metrics.write(type, "delete");
      return removed;
    } catch (ApiException e) {
      // someone else changed or removed it meanwhile; their write decides what happens next
      if (ApiErrors.isConflict(e) || ApiErrors.isNotFound(e)) {
        return stored;
      }
      throw e;
    }
  }
}
