package io.cetus.deployment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cetus.api.apps.Deployment;
import io.cetus.api.apps.DeploymentCondition;
import io.cetus.api.apps.DeploymentStatus;
import io.cetus.api.apps.ReplicaSet;
import io.cetus.api.apps.ReplicaSetSpec;
import io.cetus.api.core.PodTemplateSpec;
import io.cetus.api.errors.ApiErrors;
import io.cetus.api.errors.ApiException;
import io.cetus.api.meta.Condition;
import io.cetus.api.meta.LabelSelector;
import io.cetus.api.meta.ObjectMeta;
import io.cetus.api.meta.OwnerReference;
import io.cetus.api.meta.Owners;

/**
 * Finds, or creates, the replica set of a deployment's current template and keeps its revision:
 *
 * <ul>
 *   <li>found (including an old one whose template came back, as after {@code kubectl rollout
 *       undo}): it gets the deployment's copyable annotations and {@code minReadySeconds}, and its
 *       revision is raised to one above every old replica set's, the revision it had going to
 *       {@code revision-history};
 *   <li>created: {@code <deployment>-<hash>}, labels and selector the template's plus {@value
 *       PodTemplateHashes#LABEL}, the deployment as controller, revision max+1, sized within the
 *       surge (all replicas at once for {@code Recreate}). A name taken by another replica set (a
 *       hash collision) raises {@code status.collisionCount}, which changes the hash, and the
 *       reconcile is retried.
 * </ul>
 *
 * The deployment's own {@value DeploymentAnnotations#REVISION} follows its new replica set's.
 */
final class NewReplicaSets {

  private static final Logger log = LoggerFactory.getLogger(NewReplicaSets.class);

  private NewReplicaSets() {}

  /**
   * The new replica set, its revision brought up to date; created first if {@code create} and there
   * is none.
   *
   * @throws ApiException when a write fails (Conflict on a stale copy, AlreadyExists on a hash
   *     collision after counting it): the reconcile is retried
   */
  static Optional<ReplicaSet> sync(Rollout rollout, boolean create) {
    Deployment deployment = rollout.deployment();
    long revision = DeploymentAnnotations.maxRevision(rollout.oldReplicaSets()) + 1;
    Optional<ReplicaSet> existing = rollout.newReplicaSet();
    if (existing.isPresent()) {
      return Optional.of(syncExisting(rollout, existing.get(), revision));
    }
    if (!create) {
      return Optional.empty();
    }
    return Optional.of(createNew(rollout, deployment, revision));
  }

  private static ReplicaSet syncExisting(Rollout rollout, ReplicaSet rs, long revision) {
    Deployment deployment = rollout.deployment();
    Map<String, String> annotations =
        DeploymentAnnotations.forReplicaSet(
            deployment, rs.metadata().annotations(), revision, false);
    int minReady = DeploymentSpecs.minReadySeconds(deployment);
    ReplicaSetSpec spec = rs.spec();
    if (!annotations.equals(rs.metadata().annotations())
        || Objects.requireNonNullElse(spec.minReadySeconds(), 0) != minReady) {
      rs =
          rollout.update(
              rs.withMetadata(rs.metadata().withAnnotations(annotations))
                  .withSpec(
                      new ReplicaSetSpec(
                          spec.replicas(),
                          deployment.spec().minReadySeconds(),
                          spec.selector(),
                          spec.template())));
    }
    String rsRevision = rs.metadata().annotations().get(DeploymentAnnotations.REVISION);
    if (rsRevision != null) {
      rollout.setRevision(rsRevision);
    }
    deployment = rollout.deployment();
    if (DeploymentSpecs.progressDeadline(deployment).isPresent()
        && DeploymentConditions.progressing(deployment.status().conditions()).isEmpty()) {
      setProgressing(
          rollout,
          Condition.TRUE,
          DeploymentConditions.FOUND_NEW_REPLICA_SET,
          "Found new replica set \"%s\"".formatted(rs.metadata().name()));
    }
    return rs;
  }

  private static ReplicaSet createNew(Rollout rollout, Deployment deployment, long revision) {
    ReplicaSet fresh = newReplicaSet(deployment, revision);
    List<ReplicaSet> all = new ArrayList<>(rollout.replicaSets());
    all.add(fresh);
    int replicas = initialReplicas(deployment, all, fresh);
    fresh =
        fresh.withSpec(
            new ReplicaSetSpec(
                replicas,
                fresh.spec().minReadySeconds(),
                fresh.spec().selector(),
                fresh.spec().template()));
    String name = String.valueOf(fresh.metadata().name());
    ReplicaSet created;
    boolean foundInstead = false;
    try {
      created = rollout.replicaSetClient().create(fresh);
    } catch (ApiException e) {
      if (!ApiErrors.isAlreadyExists(e)) {
        failedCreate(rollout, name, e);
        throw e;
      }
      Optional<ReplicaSet> taken =
          rollout.replicaSetClient().get(deployment.metadata().namespace(), name);
      if (taken.isPresent()
          && Owners.isControlledBy(taken.get(), deployment)
          && PodTemplateHashes.equalIgnoringHash(
              taken.get().spec().template(), deployment.spec().template())) {
        // ours, created by an earlier reconcile that the cache has not shown yet
        created = taken.get();
        foundInstead = true;
      } else {
        Integer count = deployment.status().collisionCount();
        int next = count == null ? 1 : count + 1;
        log.info(
            "Deployment {}/{}: replica set name {} is taken; collision count now {}",
            deployment.metadata().namespace(),
            deployment.metadata().name(),
            name,
            next);
        rollout.writeStatus(RolloutStatus.withCollisionCount(deployment.status(), next));
        throw e;
      }
    }
    rollout.added(created);
    if (!foundInstead && replicas > 0) {
      rollout
          .events()
          .normal(
              deployment,
              Rollout.SCALING_REPLICA_SET,
              "Scaled up replica set %s from 0 to %d".formatted(name, replicas));
    }
    rollout.setRevision(
        Objects.requireNonNullElse(
            created.metadata().annotations().get(DeploymentAnnotations.REVISION),
            Long.toString(revision)));
    if (!foundInstead && DeploymentSpecs.progressDeadline(rollout.deployment()).isPresent()) {
      setProgressing(
          rollout,
          Condition.TRUE,
          DeploymentConditions.NEW_REPLICA_SET_CREATED,
          "Created new replica set \"%s\"".formatted(name));
    }
    return created;
  }

  /** The replica set for the deployment's template, before it is sized. */
  static ReplicaSet newReplicaSet(Deployment deployment, long revision) {
    PodTemplateSpec template = deployment.spec().template();
    String hash = PodTemplateHashes.hash(template, deployment.status().collisionCount());
    Map<String, String> labels = new HashMap<>(template.metadata().labels());
    labels.put(PodTemplateHashes.LABEL, hash);
    LabelSelector selector =
        Objects.requireNonNullElse(
            deployment.spec().selector(), LabelSelector.matchLabels(Map.of()));
    Map<String, String> matchLabels = new HashMap<>(selector.matchLabels());
    matchLabels.put(PodTemplateHashes.LABEL, hash);
    ObjectMeta metadata =
        ObjectMeta.named(
                deployment.metadata().namespace(), deployment.metadata().name() + "-" + hash)
            .withLabels(labels)
            .withOwnerReferences(List.of(OwnerReference.controllerOf(deployment)))
            .withAnnotations(
                DeploymentAnnotations.forReplicaSet(deployment, Map.of(), revision, true));
    return new ReplicaSet(
        null,
        null,
        metadata,
        new ReplicaSetSpec(
            0,
            deployment.spec().minReadySeconds(),
            new LabelSelector(matchLabels, selector.matchExpressions()),
            new PodTemplateSpec(template.metadata().withLabels(labels), template.spec())),
        null);
  }

  /**
   * How many replicas the new replica set should have now: for {@code Recreate} all of them; for a
   * rolling update as many more as the surge leaves room for, up to {@code replicas}.
   */
  static int initialReplicas(Deployment deployment, List<ReplicaSet> all, ReplicaSet newRs) {
    int replicas = DeploymentSpecs.replicas(deployment);
    if (DeploymentSpecs.isRecreate(deployment)) {
      return replicas;
    }
    int current = 0;
    for (ReplicaSet rs : all) {
      current += ReplicaSetOrder.replicas(rs);
    }
    int newReplicas = ReplicaSetOrder.replicas(newRs);
    int maxTotal = replicas + DeploymentSpecs.maxSurge(deployment);
    if (current >= maxTotal) {
      return newReplicas;
    }
    return newReplicas + Math.max(0, Math.min(maxTotal - current, replicas - newReplicas));
  }

  private static void failedCreate(Rollout rollout, String name, ApiException e) {
    String message = "Failed to create new replica set \"%s\": %s".formatted(name, e.getMessage());
    rollout
        .events()
        .warning(rollout.deployment(), DeploymentConditions.REPLICA_SET_CREATE_ERROR, message);
    if (DeploymentSpecs.progressDeadline(rollout.deployment()).isPresent()) {
      setProgressing(
          rollout, Condition.FALSE, DeploymentConditions.REPLICA_SET_CREATE_ERROR, message);
    }
  }

  private static void setProgressing(
      Rollout rollout, String status, String reason, String message) {
    DeploymentStatus current = rollout.deployment().status();
    rollout.writeStatus(
        RolloutStatus.withConditions(
            current,
            DeploymentConditions.set(
                current.conditions(),
                DeploymentConditions.of(
                    DeploymentCondition.PROGRESSING, status, reason, message, rollout.now()))));
  }
}
