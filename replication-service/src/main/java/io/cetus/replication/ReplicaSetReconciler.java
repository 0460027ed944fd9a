package io.cetus.replication;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cetus.api.apps.ReplicaSet;
import io.cetus.api.apps.ReplicaSetStatus;
import io.cetus.api.core.Pod;
import io.cetus.api.core.Pods;
import io.cetus.api.errors.ApiErrors;
import io.cetus.api.errors.ApiException;
import io.cetus.api.errors.Reason;
import io.cetus.api.errors.StatusCause;
import io.cetus.api.errors.StatusDetails;
import io.cetus.api.selector.Selector;
import io.cetus.client.DeleteOptions;
import io.cetus.client.ObjectClient;
import io.cetus.client.informer.Lister;
import io.cetus.controller.event.EventRecorder;
import io.cetus.controller.reconcile.Reconciler;
import io.cetus.controller.reconcile.Request;
import io.cetus.controller.reconcile.Result;
import io.cetus.replication.expectation.PodExpectations;
import io.cetus.replication.pod.PodDeletionOrder;
import io.cetus.replication.pod.PodTemplates;

/**
 * Keeps {@code spec.replicas} active pods (not finished, not being deleted) that match a replica
 * set's selector under its control, and reports them in its status.
 *
 * <p>One reconcile: claim the namespace's active pods ({@link PodClaims}: adopt matching orphans,
 * release pods that stopped matching); unless creates or deletes of an earlier reconcile are still
 * unobserved ({@link PodExpectations}), create the missing pods from the template or delete the
 * surplus in {@link PodDeletionOrder}, at most {@value #BURST_REPLICAS} per reconcile and in {@link
 * SlowStart} batches; then write the status if it changed. A failed create or delete sets the
 * {@code ReplicaFailure} condition and throws, so the request is retried with backoff.
 *
 * <p>It looks again by itself while expectations wait for their timeout and when a ready pod is
 * about to become available ({@code minReadySeconds}). Pods of a deleted replica set are left to
 * the garbage collector, which follows their owner references.
 *
 * <p>Each pod created or deleted is recorded as an event on the replica set ({@code
 * SuccessfulCreate} "Created pod: web-x7k2p", {@code SuccessfulDelete}), and so is each write the
 * server refuses ({@code FailedCreate} "Error creating: ...", {@code FailedDelete}), as Kubernetes'
 * replica set controller does.
 */
final class ReplicaSetReconciler implements Reconciler {

  /** The most pods one reconcile creates or deletes, as Kubernetes' {@code burstReplicas}. */
  static final int BURST_REPLICAS = 500;

  private static final Logger log = LoggerFactory.getLogger(ReplicaSetReconciler.class);
  private static final String NAMESPACE_TERMINATING = "NamespaceTerminating";
  static final String SUCCESSFUL_CREATE = "SuccessfulCreate";
  static final String SUCCESSFUL_DELETE = "SuccessfulDelete";
  static final String FAILED_CREATE = "FailedCreate";
  static final String FAILED_DELETE = "FailedDelete";

  private final Lister<ReplicaSet> replicaSets;
  private final Lister<Pod> pods;
  private final ObjectClient<ReplicaSet> replicaSetClient;
  private final ObjectClient<Pod> podClient;
  private final PodClaims claims;
  private final PodExpectations expectations;
  private final EventRecorder events;
  private final Clock clock;

  ReplicaSetReconciler(
      Lister<ReplicaSet> replicaSets,
      Lister<Pod> pods,
      ObjectClient<ReplicaSet> replicaSetClient,
      ObjectClient<Pod> podClient,
      PodExpectations expectations,
      EventRecorder events,
      Clock clock) {
    this.replicaSets = replicaSets;
    this.pods = pods;
    this.replicaSetClient = replicaSetClient;
    this.podClient = podClient;
    this.claims = new PodClaims(podClient, replicaSetClient);
    this.expectations = expectations;
    this.events = events;
    this.clock = clock;
  }

  @Override
  public Result reconcile(Request request) throws InterruptedException {
    Optional<ReplicaSet> cached = replicaSets.get(request.namespace(), request.name());
    if (cached.isEmpty() || cached.get().metadata().isBeingDeleted()) {
      return Result.DONE; // its pods go with it, through their owner references
    }
    ReplicaSet replicaSet = cached.get();
    Optional<Selector> selector = ReplicaSetSelectors.of(replicaSet);
    if (selector.isEmpty()) {
      log.warn("ReplicaSet {} has no usable selector; it manages no pods", request);
      return Result.DONE;
    }
    String uid = String.valueOf(replicaSet.metadata().uid());
    Instant now = clock.instant();
    Optional<Instant> waiting = expectations.waitingUntil(uid);
    List<Pod> active = pods.list(request.namespace()).stream().filter(Pods::isActive).toList();
    List<Pod> owned = claims.claim(replicaSet, selector.get(), active);

    ScaleOutcome outcome =
        waiting.isPresent()
            ? ScaleOutcome.NOTHING
            : manageReplicas(request, replicaSet, uid, selector.get(), owned);

    writeStatus(
        replicaSet, ReplicaSetStatuses.calculate(replicaSet, owned, outcome.failure(), now));
    if (outcome.retry() != null) {
      throw outcome.retry();
    }
    Duration next = ReplicaSetStatuses.untilNextAvailable(replicaSet, owned, now).orElse(null);
    if (waiting.isPresent()) {
      Duration expiry = Duration.between(now, waiting.get());
      next = next == null || expiry.compareTo(next) < 0 ? expiry : next;
    }
    return next == null || !next.isPositive() ? Result.DONE : Result.requeueIn(next);
  }

  private ScaleOutcome manageReplicas(
      Request request, ReplicaSet replicaSet, String uid, Selector selector, List<Pod> owned)
      throws InterruptedException {
    Integer wanted = replicaSet.spec().replicas();
    int diff = owned.size() - (wanted == null ? 1 : wanted);
    if (diff < 0) {
      return createPods(request, replicaSet, uid, selector, Math.min(-diff, BURST_REPLICAS));
    }
    if (diff > 0) {
      return deletePods(request, replicaSet, uid, owned, Math.min(diff, BURST_REPLICAS));
    }
    return ScaleOutcome.NOTHING;
  }

  private ScaleOutcome createPods(
      Request request, ReplicaSet replicaSet, String uid, Selector selector, int count)
      throws InterruptedException {
    if (!selector.matches(replicaSet.spec().template().metadata().labels())) {
      // Its pods would be released as soon as they were made, and replaced, without end.
      // Admission refuses such a replica set; this one got in some other way.
      log.warn("ReplicaSet {}: its selector does not match its template's labels", request);
      return new ScaleOutcome(
          ReplicaFailure.failedCreate("`selector` does not match template `labels`"), null);
    }
    log.info("ReplicaSet {}: creating {} pods", request, count);
    expectations.expectCreations(uid, count);
    SlowStart.Outcome outcome =
        SlowStart.run(
            count,
            index -> {
              try {
                Pod created = podClient.create(PodTemplates.newPod(replicaSet));
                events.normal(
                    replicaSet, SUCCESSFUL_CREATE, "Created pod: " + created.metadata().name());
              } catch (RuntimeException e) {
                expectations.creationObserved(uid); // it will never be seen
                if (!isNamespaceTerminating(e)) {
                  events.warning(replicaSet, FAILED_CREATE, "Error creating: " + e.getMessage());
                  throw e;
                }
              }
            });
    for (int skipped = outcome.attempted(); skipped < count; skipped++) {
      expectations.creationObserved(uid);
    }
    if (!outcome.failed()) {
      return ScaleOutcome.NOTHING;
    }
    RuntimeException first = outcome.failures().getFirst();
    log.warn(
        "ReplicaSet {}: {} of {} pod creations failed, {} skipped: {}",
        request,
        outcome.failures().size(),
        count,
        count - outcome.attempted(),
        first.getMessage());
    return new ScaleOutcome(ReplicaFailure.failedCreate(String.valueOf(first.getMessage())), first);
  }

  private ScaleOutcome deletePods(
      Request request, ReplicaSet replicaSet, String uid, List<Pod> owned, int count)
      throws InterruptedException {
    List<Pod> victims = PodDeletionOrder.victims(owned, count);
    log.info(
        "ReplicaSet {}: deleting {} pods: {}",
        request,
        count,
        victims.stream().map(pod -> pod.metadata().name()).toList());
    expectations.expectDeletions(uid, victims.stream().map(PodExpectations::podKey).toList());
    SlowStart.Outcome outcome =
        SlowStart.run(
            count,
            index -> {
              Pod victim = victims.get(index);
              try {
                podClient.delete(
                    victim.metadata().namespace(),
                    String.valueOf(victim.metadata().name()),
                    DeleteOptions.DEFAULT.withPreconditions(victim.metadata().uid(), null));
                events.normal(
                    replicaSet, SUCCESSFUL_DELETE, "Deleted pod: " + victim.metadata().name());
              } catch (RuntimeException e) {
                expectations.deletionObserved(uid, PodExpectations.podKey(victim));
                // gone already, or replaced by another pod of that name: not ours to delete
                if (!ApiErrors.isNotFound(e) && !ApiErrors.isConflict(e)) {
                  events.warning(replicaSet, FAILED_DELETE, "Error deleting: " + e.getMessage());
                  throw e;
                }
              }
            });
    for (int skipped = outcome.attempted(); skipped < count; skipped++) {
      expectations.deletionObserved(uid, PodExpectations.podKey(victims.get(skipped)));
    }
    if (!outcome.failed()) {
      return ScaleOutcome.NOTHING;
    }
    RuntimeException first = outcome.failures().getFirst();
    log.warn("ReplicaSet {}: deleting pods failed: {}", request, first.getMessage());
    return new ScaleOutcome(ReplicaFailure.failedDelete(String.valueOf(first.getMessage())), first);
  }

  /**
   * Writes {@code status} unless the replica set reports it already. On a conflict the replica set
   * is read afresh and the write tried once more, as the spec may have changed under a cache that
   * had not shown it yet; a second conflict is thrown and retried with backoff.
   */
  private void writeStatus(ReplicaSet replicaSet, ReplicaSetStatus status) {
    if (status.equals(replicaSet.status())) {
      return;
    }
    try {
      replicaSetClient.updateStatus(replicaSet.withStatus(status));
    } catch (ApiException e) {
      if (ApiErrors.isNotFound(e)) {
        return;
      }
      if (!ApiErrors.isConflict(e)) {
        throw e;
      }
      Optional<ReplicaSet> fresh =
          replicaSetClient.get(
              replicaSet.metadata().namespace(), String.valueOf(replicaSet.metadata().name()));
      if (fresh.isPresent()
          && String.valueOf(replicaSet.metadata().uid()).equals(fresh.get().metadata().uid())
          && !status.equals(fresh.get().status())) {
        replicaSetClient.updateStatus(fresh.get().withStatus(status));
      }
    }
  }

  private static boolean isNamespaceTerminating(RuntimeException e) {
    if (!(e instanceof ApiException api) || api.reason() != Reason.FORBIDDEN) {
      return false;
    }
    StatusDetails details = api.status().details();
    return details != null
        && details.causes() != null
        && details.causes().stream()
            .map(StatusCause::reason)
            .anyMatch(NAMESPACE_TERMINATING::equals);
  }

  /** What creating or deleting came to: a failure to report, and whether to retry with backoff. */
  private record ScaleOutcome(@Nullable ReplicaFailure failure, @Nullable RuntimeException retry) {
    static final ScaleOutcome NOTHING = new ScaleOutcome(null, null);
  }
}
