package io.cetus.scheduler;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.cetus.controller.reconcile.Request;

/**
 * The pods that fit no node on their last attempt, with how often they failed in a row. They are
 * retried when the cluster changes in a way that may make room (a node appears or changes, a bound
 * pod goes away) and otherwise after a backoff that doubles from 1 s up to 30 s. Thread-safe.
 */
final class UnschedulablePods {

  static final Duration INITIAL_BACKOFF = Duration.ofSeconds(1);
  static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  private final ConcurrentMap<Request, Integer> failures = new ConcurrentHashMap<>();

  /** Counts one more failure of {@code pod}; returns when to try it again. */
  Duration failed(Request pod) {
    int attempts = failures.merge(pod, 1, Integer::sum);
    Duration backoff = INITIAL_BACKOFF.multipliedBy(1L << Math.min(attempts - 1, 16));
    return backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff;
  }

  /** {@code pod} was bound, or needs no scheduling any more. */
  void forget(Request pod) {
    failures.remove(pod);
  }

  /** Every pod waiting for room. */
  List<Request> all() {
    return List.copyOf(failures.keySet());
  }
}
