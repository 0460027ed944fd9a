package io.cetus.deployment;

import java.time.Instant;
import java.util.Comparator;

import io.cetus.api.apps.ReplicaSet;

/** The orders in which the deployment controller visits replica sets. */
final class ReplicaSetOrder {

  private static final Comparator<ReplicaSet> OLDEST_FIRST =
      Comparator.comparing(
              (ReplicaSet rs) -> rs.metadata().creationTimestamp(),
              Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
          .thenComparing(rs -> String.valueOf(rs.metadata().name()));

  private ReplicaSetOrder() {}

  /** Oldest first; ties by name. */
  static Comparator<ReplicaSet> oldestFirst() {
    return OLDEST_FIRST;
  }

  /** Largest first; ties newest first (where a proportional scale-up's leftover goes). */
  static Comparator<ReplicaSet> largestThenNewest() {
    return Comparator.comparingInt(ReplicaSetOrder::replicas)
        .reversed()
        .thenComparing(OLDEST_FIRST.reversed());
  }

  /** Largest first; ties oldest first (where a proportional scale-down's leftover goes). */
  static Comparator<ReplicaSet> largestThenOldest() {
    return Comparator.comparingInt(ReplicaSetOrder::replicas)
        .reversed()
        .thenComparing(OLDEST_FIRST);
  }

  /** Lowest revision first; ties oldest first (which old replica sets history cleanup removes). */
  static Comparator<ReplicaSet> byRevision() {
    return Comparator.comparingLong(DeploymentAnnotations::revision).thenComparing(OLDEST_FIRST);
  }

  static int replicas(ReplicaSet replicaSet) {
    Integer replicas = replicaSet.spec().replicas();
    return replicas == null ? 1 : replicas;
  }
}
