package io.cetus.controller.reconcile;

/**
 * Drives actual state toward the desired state of the object named by {@code request}.
 *
 * <p>Level-based: read everything from listers; the triggering event is not available. Must be
 * idempotent: it is called again after every relevant change, every resync and every failure, and
 * never concurrently for the same request. Throwing requeues the request with per-item exponential
 * backoff, except {@link TerminalReconcileException}, which is logged and dropped. A conflict (409)
 * should simply be thrown: the retry reads the newer cache.
 */
@FunctionalInterface
public interface Reconciler {

  Result reconcile(Request request) throws Exception;
}
