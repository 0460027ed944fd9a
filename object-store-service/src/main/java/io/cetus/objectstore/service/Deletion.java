package io.cetus.objectstore.service;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.cetus.api.errors.ApiErrors;
import io.cetus.api.errors.ApiException;
import io.cetus.api.errors.Reason;
import io.cetus.api.errors.Status;
import io.cetus.api.errors.StatusDetails;
import io.cetus.api.resource.ResourceType;
import io.cetus.api.resource.ResourceTypes;
import io.cetus.objectstore.allocation.ServiceAllocations;
import io.cetus.objectstore.store.ObjectStore;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * DELETE with Kubernetes' semantics. An object goes at once unless something must happen first:
 *
 * <ul>
 *   <li>it has finalizers, or the propagation policy adds one ({@code foregroundDeletion}, {@code
 *       orphan}): it gets a {@code deletionTimestamp} and stays until the last finalizer is
 *       removed;
 *   <li>it is a pod bound to a node with a grace period above 0: it gets a {@code
 *       deletionTimestamp} that far in the future and stays until its node agent, having stopped
 *       the containers, deletes it with a grace period of 0;
 *   <li>it is a namespace: it turns {@code Terminating} and stays until its content is gone.
 * </ul>
 *
 * Either way the answer is the object: as deleted, or as marked. A removed Service gives back its
 * cluster IP and node ports.
 */
@Component
class Deletion {

  private static final int ATTEMPTS = 10;
  private static final long DEFAULT_POD_GRACE_SECONDS = 30;
  private static final Set<String> UNDELETABLE_NAMESPACES =
      Set.of("default", "kube-system", "kube-public");

  private final ObjectStore store;
  private final Updates updates;
  private final ServiceAllocations allocations;
  private final ApiMetrics metrics;
  private final Clock clock;

  Deletion(
      ObjectStore store,
      Updates updates,
      ServiceAllocations allocations,
      ApiMetrics metrics,
      Clock clock) {
    this.store = store;
    this.updates = updates;
    this.allocations = allocations;
    this.metrics = metrics;
    this.clock = clock;
  }

  ObjectNode delete(
      ResourceType type, @Nullable String namespace, String name, DeleteOptions options) {
    for (int attempt = 1; ; attempt++) {
      ObjectNode live =
          store
              .get(type, namespace, name)
              .orElseThrow(() -> ApiException.notFound(type.qualifiedPlural(), name));
      checkPreconditions(type, name, live, options);
      ObjectNode candidate =
          type.equals(ResourceTypes.NAMESPACES)
              ? terminatingNamespace(live)
              : markedForDeletion(type, live, options);
      try {
        if (candidate == null) {
          if (options.dryRun()) {
            return live;
          }
          ObjectNode removed = store.delete(type, namespace, name, Meta.resourceVersion(live));
          allocations.release(type, removed);
          metrics.write(type, "delete");
          return removed;
        }
        if (options.dryRun() || Meta.sameIgnoringResourceVersion(candidate, live)) {
          return options.dryRun() ? candidate : live;
        }
        ObjectNode stored = store.update(type, candidate, Meta.resourceVersion(live));
        metrics.write(type, "delete");
        return updates.finishDeletionIfReleased(type, stored);
      } catch (ApiException e) {
        if (!ApiErrors.isConflict(e) || attempt == ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  /** Deletes every object of a list; those that vanished meanwhile are skipped. */
  List<ObjectNode> deleteAll(ResourceType type, List<ObjectNode> objects, DeleteOptions options) {
    List<ObjectNode> deleted = new ArrayList<>();
    for (ObjectNode object : objects) {
      String name = Meta.name(object);
      if (name == null) {
        continue;
      }
      try {
        deleted.add(
            delete(
                type, Meta.namespace(object), name, options.withPreconditionUid(Meta.uid(object))));
      } catch (ApiException e) {
        if (!ApiErrors.isNotFound(e) && !ApiErrors.isConflict(e)) {
          throw e;
        }
      }
    }
    return deleted;
  }

  private static void checkPreconditions(
      ResourceType type, String name, ObjectNode live, DeleteOptions options) {
    String uid = Meta.uid(live);
    if (options.preconditionUid() != null && !options.preconditionUid().equals(uid)) {
      throw ApiException.conflict(
          type.qualifiedPlural(),
          name,
          "Precondition failed: UID in precondition: "
              + options.preconditionUid()
              + ", UID in object meta: "
              + uid);
    }
    String version = Meta.resourceVersion(live);
    if (options.preconditionResourceVersion() != null
        && !options.preconditionResourceVersion().equals(version)) {
      throw ApiException.conflict(
          type.qualifiedPlural(),
          name,
          "Precondition failed: ResourceVersion in precondition: "
              + options.preconditionResourceVersion()
              + ", ResourceVersion in object meta: "
              + version);
    }
  }

  /** The object marked for a deferred deletion, or null when it can go at once. */
  private @Nullable ObjectNode markedForDeletion(
      ResourceType type, ObjectNode live, DeleteOptions options) {
    List<String> finalizers = Meta.finalizers(live);
    PropagationPolicy policy = PropagationPolicy.orDefault(options.propagationPolicy());
    if (policy == PropagationPolicy.ORPHAN && !finalizers.contains(Meta.ORPHAN)) {
      finalizers.add(Meta.ORPHAN);
    }
    if (policy == PropagationPolicy.FOREGROUND && !finalizers.contains(Meta.FOREGROUND_DELETION)) {
      finalizers.add(Meta.FOREGROUND_DELETION);
    }
    long grace = gracePeriodSeconds(type, live, options);
    if (finalizers.isEmpty() && grace == 0) {
      return null;
    }
    ObjectNode candidate = live.deepCopy();
    ObjectNode metadata = Meta.metadata(candidate);
    Long current = Meta.deletionGracePeriodSeconds(live);
    if (!Meta.isDeleting(live) || (current != null && grace < current)) {
      metadata.put("deletionTimestamp", Timestamps.after(clock, Duration.ofSeconds(grace)));
      metadata.put("deletionGracePeriodSeconds", grace);
    }
    Meta.setFinalizers(candidate, finalizers);
    return candidate;
  }

  /**
   * Pods bound to a node get a grace period (asked for, else their own, else 30 s) for their node
   * agent to stop them; other objects, unbound pods and finished pods go at once.
   */
  private static long gracePeriodSeconds(
      ResourceType type, ObjectNode live, DeleteOptions options) {
    if (!Kinds.isPod(type)) {
      return 0;
    }
    JsonNode spec = live.path("spec");
    String nodeName = Meta.nonEmpty(spec, "nodeName");
    String phase = Meta.string(live.get("status"), "phase");
    if (nodeName == null || "Succeeded".equals(phase) || "Failed".equals(phase)) {
      return 0;
    }
    long grace;
    if (options.gracePeriodSeconds() != null) {
      grace = options.gracePeriodSeconds();
    } else {
      JsonNode own = spec.get("terminationGracePeriodSeconds");
      grace = own != null && own.isIntegralNumber() ? own.asLong() : DEFAULT_POD_GRACE_SECONDS;
    }
    return Math.max(0, grace);
  }

  /**
   * The namespace turned Terminating; its content and then itself are removed in the background.
   */
  private ObjectNode terminatingNamespace(ObjectNode live) {
    String name = String.valueOf(Meta.name(live));
    if (UNDELETABLE_NAMESPACES.contains(name)) {
      throw new ApiException(
          Status.failure(
              Reason.FORBIDDEN,
              "namespaces \"" + name + "\" is forbidden: this namespace may not be deleted",
              new StatusDetails(name, "", "namespaces", null, null, null)));
    }
    ObjectNode candidate = live.deepCopy();
    if (!Meta.isDeleting(live)) {
      ObjectNode metadata = Meta.metadata(candidate);
      metadata.put("deletionTimestamp", Timestamps.now(clock));
      metadata.put("deletionGracePeriodSeconds", 0);
    }
    NamespacePhases.markTerminating(candidate);
    return candidate;
  }
}
