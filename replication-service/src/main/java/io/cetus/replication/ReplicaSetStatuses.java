package io.cetus.replication;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.cetus.api.apps.ReplicaSet;
import io.cetus.api.apps.ReplicaSetCondition;
import io.cetus.api.apps.ReplicaSetStatus;
import io.cetus.api.core.Pod;
import io.cetus.api.core.PodCondition;
import io.cetus.api.core.Pods;
import io.cetus.api.meta.Condition;

/**
 * The status a replica set reports about the pods it controls:
 *
 * <ul>
 *   <li>{@code replicas}: its active pods;
 *   <li>{@code fullyLabeledReplicas}: those carrying every label of the template;
 *   <li>{@code readyReplicas}: those whose {@code Ready} condition is {@code True};
 *   <li>{@code availableReplicas}: those ready for at least {@code spec.minReadySeconds}, counted
 *       from the {@code Ready} condition's {@code lastTransitionTime};
 *   <li>{@code observedGeneration}: the generation these numbers were computed for;
 *   <li>a {@code ReplicaFailure} condition while creating or deleting pods fails. It keeps its
 *       first message and transition time while the failure lasts, and goes with the first sync
 *       that works.
 * </ul>
 */
final class ReplicaSetStatuses {

  private ReplicaSetStatuses() {}

  static ReplicaSetStatus calculate(
      ReplicaSet replicaSet, List<Pod> pods, @Nullable ReplicaFailure failure, Instant now) {
    Map<String, String> templateLabels = replicaSet.spec().template().metadata().labels();
    Duration minReady = minReady(replicaSet);
    int fullyLabeled = 0;
    int ready = 0;
    int available = 0;
    for (Pod pod : pods) {
      if (pod.metadata().labels().entrySet().containsAll(templateLabels.entrySet())) {
        fullyLabeled++;
      }
      if (Pods.isReady(pod)) {
        ready++;
        if (availableAt(pod, minReady).map(at -> !now.isBefore(at)).orElse(false)) {
          available++;
        }
      }
    }
    Long generation = replicaSet.metadata().generation();
    return new ReplicaSetStatus(
        pods.size(),
        fullyLabeled,
        ready,
        available,
        generation == null ? 0 : generation,
        conditions(replicaSet.status().conditions(), failure, now));
  }

  /**
   * How long until the next of {@code pods} that is ready but not yet available becomes available;
   * empty if none is waiting.
   */
  static Optional<Duration> untilNextAvailable(ReplicaSet replicaSet, List<Pod> pods, Instant now) {
    Duration minReady = minReady(replicaSet);
    if (minReady.isZero()) {
      return Optional.empty();
    }
    return pods.stream()
        .filter(Pods::isReady)
        .flatMap(pod -> availableAt(pod, minReady).stream())
        .filter(now::isBefore)
        .min(Instant::compareTo)
        .map(at -> Duration.between(now, at));
  }

  /** When a ready pod becomes available; empty if its readiness has no known start. */
  private static Optional<Instant> availableAt(Pod pod, Duration minReady) {
    if (minReady.isZero()) {
      return Optional.of(Instant.MIN);
    }
    return Condition.find(pod.status().conditions(), PodCondition.READY)
        .map(PodCondition::lastTransitionTime)
        .map(since -> since.plus(minReady));
  }

  private static Duration minReady(ReplicaSet replicaSet) {
    Integer seconds = replicaSet.spec().minReadySeconds();
    return seconds == null || seconds <= 0 ? Duration.ZERO : Duration.ofSeconds(seconds);
  }

  private static List<ReplicaSetCondition> conditions(
      List<ReplicaSetCondition> current, @Nullable ReplicaFailure failure, Instant now) {
    boolean present = Condition.find(current, ReplicaFailure.CONDITION).isPresent();
    if (failure != null && !present) {
      List<ReplicaSetCondition> conditions = new ArrayList<>(current);
      conditions.add(
          new ReplicaSetCondition(
              ReplicaFailure.CONDITION,
              Condition.TRUE,
              now.truncatedTo(ChronoUnit.SECONDS),
              failure.reason(),
              failure.message()));
      return conditions;
    }
    if (failure == null && present) {
      return current.stream()
          .filter(condition -> !condition.type().equals(ReplicaFailure.CONDITION))
          .toList();
    }
    return current;
  }
}
