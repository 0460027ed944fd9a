package io.cetus.scheduler;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cetus.api.core.Node;
import io.cetus.api.core.Pod;
import io.cetus.api.core.PodCondition;
import io.cetus.api.errors.ApiErrors;
import io.cetus.api.errors.ApiException;
import io.cetus.api.meta.Condition;
import io.cetus.client.ObjectClient;
import io.cetus.client.informer.Lister;
import io.cetus.controller.event.EventRecorder;
import io.cetus.controller.reconcile.Reconciler;
import io.cetus.controller.reconcile.Request;
import io.cetus.controller.reconcile.Result;
import io.cetus.scheduler.bind.Binder;
import io.cetus.scheduler.cache.AssumeCache;
import io.cetus.scheduler.cache.ClusterSnapshot;

/**
 * Schedules one pod: if it still waits for this scheduler, finds it a node from the cached nodes
 * and pods (plus the bindings the cache does not show yet) and binds it there; otherwise records
 * why it fits nowhere ({@code FailedScheduling} event, {@code PodScheduled=False} with reason
 * {@code Unschedulable}) and retries after a backoff, or sooner when the cluster changes.
 *
 * <p>Decisions must be made one at a time (one worker): each relies on the bindings of the previous
 * ones being in the {@link AssumeCache}.
 */
final class SchedulerReconciler implements Reconciler {

  static final String REASON_SCHEDULED = "Scheduled";
  static final String REASON_FAILED_SCHEDULING = "FailedScheduling";
  static final String REASON_UNSCHEDULABLE = "Unschedulable";

  private static final Logger log = LoggerFactory.getLogger(SchedulerReconciler.class);

  private final String schedulerName;
  private final Lister<Pod> pods;
  private final Lister<Node> nodes;
  private final ObjectClient<Pod> podClient;
  private final Binder binder;
  private final EventRecorder events;
  private final SchedulingAlgorithm algorithm;
  private final AssumeCache assumed;
  private final UnschedulablePods unschedulable;
  private final Clock clock;

  SchedulerReconciler(
      String schedulerName,
      Lister<Pod> pods,
      Lister<Node> nodes,
      ObjectClient<Pod> podClient,
      Binder binder,
      EventRecorder events,
      SchedulingAlgorithm algorithm,
      AssumeCache assumed,
      UnschedulablePods unschedulable,
      Clock clock) {
    this.schedulerName = schedulerName;
    this.pods = pods;
    this.nodes = nodes;
    this.podClient = podClient;
    this.binder = binder;
    this.events = events;
    this.algorithm = algorithm;
    this.assumed = assumed;
    this.unschedulable = unschedulable;
    this.clock = clock;
  }

  @Override
  public Result reconcile(Request request) {
    Optional<Pod> cached = pods.get(request.namespace(), request.name());
    if (cached.isEmpty()
        || !PendingPods.needsScheduling(cached.get(), schedulerName)
        || assumed.isAssumed(cached.get())) {
      unschedulable.forget(request);
      return Result.DONE;
    }
    Pod pod = cached.get();
    var snapshot = ClusterSnapshot.of(nodes.list(), assumed.overlay(pods.list()));
    return switch (algorithm.schedule(pod, snapshot.values())) {
      case ScheduleResult.Feasible feasible -> bind(request, pod, feasible.node());
      case ScheduleResult.Unschedulable failure -> unschedulable(request, pod, failure.message());
    };
  }

  private Result bind(Request request, Pod pod, String node) {
    assumed.assume(pod, node);
    try {
      binder.bind(pod, node);
    } catch (ApiException e) {
      assumed.forget(pod);
      if (ApiErrors.isConflict(e) || ApiErrors.isNotFound(e)) {
        // bound, being deleted, replaced or gone meanwhile: the informer brings the news
        log.debug("Pod {} was not bound to {}: {}", request, node, e.getMessage());
        unschedulable.forget(request);
        return Result.DONE;
      }
      throw e;
    }
    unschedulable.forget(request);
    events.normal(pod, REASON_SCHEDULED, "Successfully assigned " + request + " to " + node);
    return Result.DONE;
  }

  private Result unschedulable(Request request, Pod pod, String message) {
    events.warning(pod, REASON_FAILED_SCHEDULING, message);
    markUnschedulable(pod, message);
    return Result.requeueIn(unschedulable.failed(request));
  }

  /** Sets {@code PodScheduled=False}, reason {@code Unschedulable}, unless it says so already. */
  private void markUnschedulable(Pod pod, String message) {
    Optional<PodCondition> current =
        Condition.find(pod.status().conditions(), PodCondition.POD_SCHEDULED);
    if (current.isPresent()
        && Condition.FALSE.equals(current.get().status())
        && REASON_UNSCHEDULABLE.equals(current.get().reason())
        && message.equals(current.get().message())) {
      return;
    }
    Instant transition =
        current.isPresent()
                && Condition.FALSE.equals(current.get().status())
                && current.get().lastTransitionTime() != null
            ? current.get().lastTransitionTime()
            : clock.instant().truncatedTo(ChronoUnit.SECONDS);
    List<PodCondition> conditions = new ArrayList<>();
    for (PodCondition condition : pod.status().conditions()) {
      if (!condition.type().equals(PodCondition.POD_SCHEDULED)) {
        conditions.add(condition);
      }
    }
    conditions.add(
        new PodCondition(
            PodCondition.POD_SCHEDULED,
            Condition.FALSE,
            null,
            transition,
            REASON_UNSCHEDULABLE,
            message));
    try {
      podClient.updateStatus(
          pod.withStatus(pod.status().toBuilder().conditions(conditions).build()));
    } catch (ApiException e) {
      // A newer pod (or none) is on its way through the informer; the retry sees it.
      if (!ApiErrors.isConflict(e) && !ApiErrors.isNotFound(e)) {
        throw e;
      }
    }
  }
}
