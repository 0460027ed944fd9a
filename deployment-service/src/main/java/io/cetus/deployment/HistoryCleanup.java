package io.cetus.deployment;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cetus.api.apps.ReplicaSet;
import io.cetus.api.errors.ApiErrors;
import io.cetus.client.DeleteOptions;

/**
 * Keeps at most {@code revisionHistoryLimit} old replica sets: beyond that, the lowest revisions
 * are deleted, but only those scaled to 0 with no pods left that their controller has caught up
 * with. Deleting one removes its revision from {@code kubectl rollout history}.
 */
final class HistoryCleanup {

  private static final Logger log = LoggerFactory.getLogger(HistoryCleanup.class);

  private HistoryCleanup() {}

  static void clean(Rollout rollout) {
    int limit = DeploymentSpecs.revisionHistoryLimit(rollout.deployment());
    List<ReplicaSet> cleanable =
        rollout.oldReplicaSets().stream()
            .filter(rs -> !rs.metadata().isBeingDeleted())
            .sorted(ReplicaSetOrder.byRevision())
            .toList();
    int surplus = cleanable.size() - limit;
    for (int i = 0; i < surplus; i++) {
      ReplicaSet rs = cleanable.get(i);
      Long generation = rs.metadata().generation();
      if (rs.status().replicas() != 0
          || ReplicaSetOrder.replicas(rs) != 0
          || (generation != null && generation > rs.status().observedGeneration())) {
        continue;
      }
      log.info(
          "Deployment {}/{}: deleting old replica set {} (revision {}) beyond the history limit {}",
          rollout.deployment().metadata().namespace(),
          rollout.deployment().metadata().name(),
          rs.metadata().name(),
          DeploymentAnnotations.revision(rs),
          limit);
      try {
        rollout
            .replicaSetClient()
            .delete(
                rs.metadata().namespace(),
                String.valueOf(rs.metadata().name()),
                DeleteOptions.DEFAULT.withPreconditions(rs.metadata().uid(), null));
      } catch (RuntimeException e) {
        if (!ApiErrors.isNotFound(e) && !ApiErrors.isConflict(e)) {
          throw e;
        }
      }
      rollout.removed(rs);
    }
  }
}
