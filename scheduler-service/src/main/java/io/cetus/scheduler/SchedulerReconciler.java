package io.cetus.scheduler;

import java.time.Clock;
import java.time.Duration;
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
import io.cetus.controller.reconcile.Reconciler;
import io.cetus.controller.reconcile.Request;
import io.cetus.controller.reconcile.Result;
import io.cetus.scheduler.cache.PodInfo;
import io.cetus.scheduler.cache.SchedulerCache;

/**
 * Schedules one pod: if it still waits for this scheduler, finds it a node in the {@link
 * SchedulerCache} (the nodes and the pods counted on them, the bindings still under way included),
 * assumes it there and hands the binding to the {@link AsyncBinder}; otherwise records why it fits
 * nowhere ({@code FailedScheduling} event, {@code PodScheduled=False} with reason {@code
 * Unschedulable}) and retries after a backoff, or sooner when the cluster changes.
 *
 * <p>Decisions must be made one at a time (one worker): each relies on the previous ones being
 * assumed in the cache. The first decision waits until the cache holds every node the node informer
 * knows: the informers' handlers run on a thread per informer, so at start the pods can be queued
 * while the node informer's initial adds are still on their way to the cache.
 */
final class SchedulerReconciler implements Reconciler {

  private static final Logger log = LoggerFactory.getLogger(SchedulerReconciler.class);

  /** How long the first decision waits for the cache to show the node informer's nodes. */
  static final Duration CACHE_SYNC_TIMEOUT = Duration.ofSeconds(30);

  static final String REASON_SCHEDULED = "Scheduled";
  static final String REASON_FAILED_SCHEDULING = "FailedScheduling";
  static final String REASON_UNSCHEDULABLE = "Unschedulable";

  private final String schedulerName;
  private final Lister<Pod> pods;
  private final Lister<Node> nodes;
  private final ObjectClient<Pod> podClient;
  private final SchedulerCache cache;
  private final SchedulingAlgorithm algorithm;
  private final AsyncBinder binder;
  private final AsyncEvents events;
  private final UnschedulablePods unschedulable;
  private final Clock clock;
  private volatile boolean cacheSynced;

  SchedulerReconciler(
      String schedulerName,
      Lister<Pod> pods,
      Lister<Node> nodes,
      ObjectClient<Pod> podClient,
      SchedulerCache cache,
      SchedulingAlgorithm algorithm,
      AsyncBinder binder,
      AsyncEvents events,
      UnschedulablePods unschedulable,
      Clock clock) {
    this.schedulerName = schedulerName;
    this.pods = pods;
    this.nodes = nodes;
    this.podClient = podClient;
    this.cache = cache;
    this.algorithm = algorithm;
    this.binder = binder;
    this.events = events;
    this.unschedulable = unschedulable;
    this.clock = clock;
  }

  @Override
  public Result reconcile(Request request) throws InterruptedException {
    if (!cacheSynced) {
      awaitCacheSynced();
    }
    Optional<Pod> cached = pods.get(request.namespace(), request.name());
    if (cached.isEmpty()
        || !PendingPods.needsScheduling(cached.get(), schedulerName)
        || cache.isAssumed(cached.get())) {
      unschedulable.forget(request);
      return Result.DONE;
    }
    Pod pod = cached.get();
    PodInfo info = cache.podInfo(pod);
    return switch (algorithm.schedule(info, cache.nodes())) {
      case ScheduleResult.Feasible feasible -> {
        cache.assume(info, feasible.node());
        binder.bind(request, pod, feasible.node());
        yield Result.DONE;
      }
      case ScheduleResult.Unschedulable failure -> unschedulable(request, pod, failure.message());
    };
  }

  private void awaitCacheSynced() throws InterruptedException {
    boolean synced =
        cache.awaitNodes(
            () ->
                nodes.list().stream().map(node -> String.valueOf(node.metadata().name())).toList(),
            CACHE_SYNC_TIMEOUT);
    if (!synced) {
      log.warn(
          "The scheduler cache still misses nodes the node informer knows after {}; scheduling",
          CACHE_SYNC_TIMEOUT);
    }
    cacheSynced = true;
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
