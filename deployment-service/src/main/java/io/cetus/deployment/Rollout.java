package io.cetus.deployment;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.cetus.api.apps.Deployment;
import io.cetus.api.apps.DeploymentStatus;
import io.cetus.api.apps.ReplicaSet;
import io.cetus.api.apps.ReplicaSetSpec;
import io.cetus.api.json.Json;
import io.cetus.client.ObjectClient;
import io.cetus.client.PatchType;
import io.cetus.controller.event.EventRecorder;

import tools.jackson.databind.node.ObjectNode;

/**
 * One reconcile of one deployment: the deployment and the replica sets it controls as this
 * reconcile last wrote or read them, and the writes the strategies make. Every write replaces the
 * object here with the server's answer, so later steps of the same reconcile see it (and write with
 * its resourceVersion: a cache that lagged makes a write fail with Conflict, and the reconcile is
 * retried, never forced). Not thread-safe; lives for one reconcile.
 */
final class Rollout {

  static final String SCALING_REPLICA_SET = "ScalingReplicaSet";

  private Deployment deployment;
  private final List<ReplicaSet> replicaSets;
  private final ObjectClient<Deployment> deploymentClient;
  private final ObjectClient<ReplicaSet> replicaSetClient;
  private final EventRecorder events;
  private final WrittenVersions written;
  private final Clock clock;

  Rollout(
      Deployment deployment,
      List<ReplicaSet> replicaSets,
      ObjectClient<Deployment> deploymentClient,
      ObjectClient<ReplicaSet> replicaSetClient,
      EventRecorder events,
      WrittenVersions written,
      Clock clock) {
    this.deployment = deployment;
    this.replicaSets = new ArrayList<>(replicaSets);
    this.deploymentClient = deploymentClient;
    this.replicaSetClient = replicaSetClient;
    this.events = events;
    this.written = written;
    this.clock = clock;
  }

  Deployment deployment() {
    return deployment;
  }

  /** Every replica set the deployment controls. */
  List<ReplicaSet> replicaSets() {
    return List.copyOf(replicaSets);
  }

  /**
   * The replica set of the deployment's current template: the oldest whose template is the
   * deployment's once normalised ({@link PodTemplateHashes}); empty before it is created.
   */
  Optional<ReplicaSet> newReplicaSet() {
    return replicaSets.stream()
        .sorted(ReplicaSetOrder.oldestFirst())
        .filter(
            rs ->
                PodTemplateHashes.equalIgnoringHash(
                    rs.spec().template(), deployment.spec().template()))
        .findFirst();
  }

  /** Every other replica set the deployment controls, oldest first. */
  List<ReplicaSet> oldReplicaSets() {
    Optional<String> newUid = newReplicaSet().map(rs -> rs.metadata().uid());
    return replicaSets.stream()
        .filter(rs -> newUid.isEmpty() || !newUid.get().equals(rs.metadata().uid()))
        .sorted(ReplicaSetOrder.oldestFirst())
        .toList();
  }

  /** The current copy of {@code replicaSet} (by uid), as this reconcile last saw it. */
  ReplicaSet current(ReplicaSet replicaSet) {
    for (ReplicaSet known : replicaSets) {
      if (known.metadata().uid() != null
          && known.metadata().uid().equals(replicaSet.metadata().uid())) {
        return known;
      }
    }
    return replicaSet;
  }

  Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }

  EventRecorder events() {
    return events;
  }

  ObjectClient<ReplicaSet> replicaSetClient() {
    return replicaSetClient;
  }

  /**
   * Sizes {@code replicaSet} to {@code replicas} and stamps it with the deployment's replica
   * annotations; a change of size is recorded as a {@value #SCALING_REPLICA_SET} event on the
   * deployment ("Scaled up replica set web-5d8f9c6 from 1 to 3").
   *
   * @return the replica set as written, or as it was if nothing needed writing
   */
  ReplicaSet scale(ReplicaSet replicaSet, int replicas) {
    ReplicaSet rs = current(replicaSet);
    int from = ReplicaSetOrder.replicas(rs);
    Map<String, String> annotations = new TreeMap<>(rs.metadata().annotations());
    annotations.putAll(DeploymentAnnotations.replicaAnnotations(deployment));
    if (from == replicas && annotations.equals(rs.metadata().annotations())) {
      return rs;
    }
    ReplicaSetSpec spec = rs.spec();
    ReplicaSet written =
        update(
            rs.withMetadata(rs.metadata().withAnnotations(annotations))
                .withSpec(
                    new ReplicaSetSpec(
                        replicas, spec.minReadySeconds(), spec.selector(), spec.template())));
    if (from != replicas) {
      events.normal(
          deployment,
          SCALING_REPLICA_SET,
          "Scaled %s replica set %s from %d to %d"
              .formatted(replicas > from ? "up" : "down", rs.metadata().name(), from, replicas));
    }
    return written;
  }

  /** Replaces the replica set on the server (Conflict if this reconcile's copy is stale). */
  ReplicaSet update(ReplicaSet changed) {
    ReplicaSet result = replicaSetClient.update(changed);
    written.wrote(
        result.metadata().uid(),
        changed.metadata().resourceVersion(),
        result.metadata().resourceVersion());
    return replaced(result);
  }

  /** Records a replica set this reconcile created or found. */
  ReplicaSet added(ReplicaSet replicaSet) {
    return replaced(replicaSet);
  }

  void removed(ReplicaSet replicaSet) {
    replicaSets.removeIf(rs -> rs.metadata().uid().equals(replicaSet.metadata().uid()));
  }

  private ReplicaSet replaced(ReplicaSet written) {
    removed(written);
    replicaSets.add(written);
    return written;
  }

  /** Writes the deployment's status through {@code status}, unless it reports that already. */
  void writeStatus(DeploymentStatus status) {
    if (status.equals(deployment.status())) {
      return;
    }
    deployment = wroteDeployment(deploymentClient.updateStatus(deployment.withStatus(status)));
  }

  /** Sets the deployment's {@value DeploymentAnnotations#REVISION} annotation, if it differs. */
  void setRevision(String revision) {
    if (revision.equals(deployment.metadata().annotations().get(DeploymentAnnotations.REVISION))) {
      return;
    }
    ObjectNode patch = Json.mapper().createObjectNode();
    ObjectNode metadata = patch.putObject("metadata");
    metadata.put("uid", deployment.metadata().uid());
    metadata.putObject("annotations").put(DeploymentAnnotations.REVISION, revision);
    deployment =
        wroteDeployment(
            deploymentClient.patch(
                deployment.metadata().namespace(),
                String.valueOf(deployment.metadata().name()),
                PatchType.MERGE,
                patch.toString()));
  }

  private Deployment wroteDeployment(Deployment result) {
    written.wrote(
        result.metadata().uid(),
        deployment.metadata().resourceVersion(),
        result.metadata().resourceVersion());
    return result;
  }
}
