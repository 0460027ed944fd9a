package io.cetus.replication;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cetus.api.apps.ReplicaSet;
import io.cetus.api.core.Pod;
import io.cetus.api.errors.ApiErrors;
import io.cetus.api.errors.ApiException;
import io.cetus.api.json.Json;
import io.cetus.api.meta.OwnerReference;
import io.cetus.api.meta.Owners;
import io.cetus.api.selector.Selector;
import io.cetus.client.ObjectClient;
import io.cetus.client.PatchType;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Settles which pods a replica set controls, as Kubernetes' controller-ref manager does:
 *
 * <ul>
 *   <li>its pods that its selector still matches stay its own;
 *   <li>its pods whose labels no longer match are <em>released</em>: its owner reference is removed
 *       and the pod keeps running on its own (relabelling a pod takes it out of service for
 *       debugging, and the replica set replaces it);
 *   <li>pods without a controller that the selector matches are <em>adopted</em>: the replica set
 *       becomes their controller, once a fresh read confirms it exists and is not being deleted;
 *   <li>pods controlled by anything else are left alone.
 * </ul>
 *
 * Both writes are merge patches guarded by the pod's resourceVersion and uid, so an owner reference
 * someone else wrote meanwhile is never overwritten: the patch fails with Conflict, and the
 * reconcile is retried on the newer pod.
 */
final class PodClaims {

  private static final Logger log = LoggerFactory.getLogger(PodClaims.class);

  private final ObjectClient<Pod> podClient;
  private final ObjectClient<ReplicaSet> replicaSetClient;

  PodClaims(ObjectClient<Pod> podClient, ObjectClient<ReplicaSet> replicaSetClient) {
    this.podClient = podClient;
    this.replicaSetClient = replicaSetClient;
  }

  /**
   * The pods among {@code candidates} that {@code replicaSet} controls once orphans that match are
   * adopted and its pods that stopped matching are released.
   *
   * @param candidates the active pods of the replica set's namespace
   * @throws ApiException when an adoption or release fails other than by the pod being gone
   */
  List<Pod> claim(ReplicaSet replicaSet, Selector selector, List<Pod> candidates) {
    String uid = String.valueOf(replicaSet.metadata().uid());
    List<Pod> claimed = new ArrayList<>();
    Boolean mayAdopt = null; // asked of the server at most once, and only when needed
    for (Pod pod : candidates) {
      Optional<OwnerReference> controller = Owners.controllerOf(pod);
      boolean matches = selector.matches(pod.metadata().labels());
      if (controller.isPresent()) {
        if (!uid.equals(controller.get().uid())) {
          continue;
        }
        if (matches) {
          claimed.add(pod);
        } else if (!pod.metadata().isBeingDeleted()) {
          release(replicaSet, pod);
        }
      } else if (matches && !pod.metadata().isBeingDeleted()) {
        if (mayAdopt == null) {
          mayAdopt = stillExists(replicaSet);
        }
        if (mayAdopt) {
          adopt(replicaSet, pod).ifPresent(claimed::add);
        }
      }
    }
    return claimed;
  }

  private Optional<Pod> adopt(ReplicaSet replicaSet, Pod pod) {
    List<OwnerReference> owners = new ArrayList<>(pod.metadata().ownerReferences());
    owners.add(OwnerReference.controllerOf(replicaSet));
    try {
      Pod adopted = patchOwners(pod, owners);
      log.info(
          "ReplicaSet {}/{} adopted pod {}",
          replicaSet.metadata().namespace(),
          replicaSet.metadata().name(),
          pod.metadata().name());
      return Optional.of(adopted);
    } catch (ApiException e) {
      if (ApiErrors.isNotFound(e)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private void release(ReplicaSet replicaSet, Pod pod) {
    String uid = replicaSet.metadata().uid();
    List<OwnerReference> owners =
        pod.metadata().ownerReferences().stream()
            .filter(owner -> !owner.uid().equals(uid))
            .toList();
    try {
      patchOwners(pod, owners);
      log.info(
          "ReplicaSet {}/{} released pod {}: its labels no longer match",
          replicaSet.metadata().namespace(),
          replicaSet.metadata().name(),
          pod.metadata().name());
    } catch (ApiException e) {
      // gone, or refused because it is on its way out: either way it is no longer ours
      if (!ApiErrors.isNotFound(e) && !ApiErrors.isInvalid(e)) {
        throw e;
      }
    }
  }

  private Pod patchOwners(Pod pod, List<OwnerReference> owners) {
    ObjectNode patch = Json.mapper().createObjectNode();
    ObjectNode metadata = patch.putObject("metadata");
    metadata.put("uid", pod.metadata().uid());
    metadata.put("resourceVersion", pod.metadata().resourceVersion());
    if (owners.isEmpty()) {
      metadata.putNull("ownerReferences"); // a released orphan has no owner list at all
    } else {
      ArrayNode references = metadata.putArray("ownerReferences");
      owners.forEach(owner -> references.add(Json.mapper().valueToTree(owner)));
    }
    return podClient.patch(
        pod.metadata().namespace(),
        String.valueOf(pod.metadata().name()),
        PatchType.MERGE,
        patch.toString());
  }

  /**
   * Whether the replica set, read afresh, is the cached one and not being deleted: adopting for one
   * that is going would hand the pod to the garbage collector.
   */
  private boolean stillExists(ReplicaSet cached) {
    Optional<ReplicaSet> fresh =
        replicaSetClient.get(
            cached.metadata().namespace(), String.valueOf(cached.metadata().name()));
    return fresh.isPresent()
        && String.valueOf(cached.metadata().uid()).equals(fresh.get().metadata().uid())
        && !fresh.get().metadata().isBeingDeleted();
  }
}
