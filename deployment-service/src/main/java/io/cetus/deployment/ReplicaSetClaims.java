package io.cetus.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cetus.api.apps.Deployment;
import io.cetus.api.apps.ReplicaSet;
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
 * Settles which replica sets a deployment controls, as the replica set controller does for pods:
 * its replica sets that its selector still matches stay; those whose labels stopped matching are
 * released (owner reference removed); replica sets without a controller that the selector matches
 * are adopted, once a fresh read confirms the deployment exists and is not being deleted. Both
 * writes are merge patches guarded by the replica set's uid and resourceVersion, so an owner
 * reference written meanwhile is never overwritten (Conflict: the reconcile is retried).
 */
final class ReplicaSetClaims {

  private static final Logger log = LoggerFactory.getLogger(ReplicaSetClaims.class);

  private final ObjectClient<ReplicaSet> replicaSetClient;
  private final ObjectClient<Deployment> deploymentClient;
  private final WrittenVersions written;

  ReplicaSetClaims(
      ObjectClient<ReplicaSet> replicaSetClient,
      ObjectClient<Deployment> deploymentClient,
      WrittenVersions written) {
    this.replicaSetClient = replicaSetClient;
    this.deploymentClient = deploymentClient;
    this.written = written;
  }

  /**
   * The replica sets among {@code candidates} (those of the deployment's namespace) that the
   * deployment controls once orphans are adopted and strays released.
   */
  List<ReplicaSet> claim(Deployment deployment, Selector selector, List<ReplicaSet> candidates) {
    String uid = String.valueOf(deployment.metadata().uid());
    List<ReplicaSet> claimed = new ArrayList<>();
    Boolean mayAdopt = null;
    for (ReplicaSet rs : candidates) {
      Optional<OwnerReference> controller = Owners.controllerOf(rs);
      boolean matches = selector.matches(rs.metadata().labels());
      if (controller.isPresent()) {
        if (!uid.equals(controller.get().uid())) {
          continue;
        }
        if (matches) {
          claimed.add(rs);
        } else if (!rs.metadata().isBeingDeleted()) {
          release(deployment, rs);
        }
      } else if (matches && !rs.metadata().isBeingDeleted()) {
        if (mayAdopt == null) {
          mayAdopt = stillExists(deployment);
        }
        if (mayAdopt) {
          adopt(deployment, rs).ifPresent(claimed::add);
        }
      }
    }
    return claimed;
  }

  private Optional<ReplicaSet> adopt(Deployment deployment, ReplicaSet rs) {
    List<OwnerReference> owners = new ArrayList<>(rs.metadata().ownerReferences());
    owners.add(OwnerReference.controllerOf(deployment));
    try {
      ReplicaSet adopted = patchOwners(rs, owners);
      log.info(
          "Deployment {}/{} adopted replica set {}",
          deployment.metadata().namespace(),
          deployment.metadata().name(),
          rs.metadata().name());
      return Optional.of(adopted);
    } catch (ApiException e) {
      if (ApiErrors.isNotFound(e)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private void release(Deployment deployment, ReplicaSet rs) {
    String uid = deployment.metadata().uid();
    List<OwnerReference> owners =
        rs.metadata().ownerReferences().stream().filter(owner -> !owner.uid().equals(uid)).toList();
    try {
      patchOwners(rs, owners);
      log.info(
          "Deployment {}/{} released replica set {}: its labels no longer match",
          deployment.metadata().namespace(),
          deployment.metadata().name(),
          rs.metadata().name());
    } catch (ApiException e) {
      if (!ApiErrors.isNotFound(e) && !ApiErrors.isInvalid(e)) {
        throw e;
      }
    }
  }

  private ReplicaSet patchOwners(ReplicaSet rs, List<OwnerReference> owners) {
    ObjectNode patch = Json.mapper().createObjectNode();
    ObjectNode metadata = patch.putObject("metadata");
    metadata.put("uid", rs.metadata().uid());
    metadata.put("resourceVersion", rs.metadata().resourceVersion());
    ArrayNode references = metadata.putArray("ownerReferences");
    owners.forEach(owner -> references.add(Json.mapper().valueToTree(owner)));
    ReplicaSet result =
        replicaSetClient.patch(
            rs.metadata().namespace(),
            String.valueOf(rs.metadata().name()),
            PatchType.MERGE,
            patch.toString());
    written.wrote(
        result.metadata().uid(),
        rs.metadata().resourceVersion(),
        result.metadata().resourceVersion());
    return result;
  }

  private boolean stillExists(Deployment cached) {
    Optional<Deployment> fresh =
        deploymentClient.get(
            cached.metadata().namespace(), String.valueOf(cached.metadata().name()));
    return fresh.isPresent()
        && String.valueOf(cached.metadata().uid()).equals(fresh.get().metadata().uid())
        && !fresh.get().metadata().isBeingDeleted();
  }
}
