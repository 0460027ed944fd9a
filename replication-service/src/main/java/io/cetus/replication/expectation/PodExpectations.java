package io.cetus.replication.expectation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.cetus.api.core.Pod;

/**
 * Pod creations and deletions a controller has issued per owner and its pod informer has not shown
 * yet.
 *
 * <pre>
 *   (none) ──expect*()──► waiting ──every create and delete observed──► met
 *                            │
 *                            └──────── {@link #TIMEOUT} passed ───────► met (expired)
 * </pre>
 *
 * Creations are counted (their names are the server's to pick); deletions are tracked by pod key
 * ({@code namespace/name}), because a pod is seen going twice: once when its deletion starts and
 * again when it is removed. Setting expectations replaces the previous ones, so observations that
 * nothing waited for (pods listed at start, pods of another controller run) never carry over.
 *
 * <p>Owners are keyed by uid: a workload deleted and re-created under the same name does not
 * inherit what its predecessor waited for. Call {@link #expectCreations}/{@link #expectDeletions}
 * before issuing the writes, since the informer may deliver them before the calls return.
 * Thread-safe.
 */
public final class PodExpectations {

  /** How long unobserved writes hold an owner back, as in Kubernetes: a lost event cannot stall. */
  public static final Duration TIMEOUT = Duration.ofMinutes(5);

  private final Clock clock;
  private final ConcurrentMap<String, Pending> pending = new ConcurrentHashMap<>();

  public PodExpectations(Clock clock) {
    this.clock = clock;
  }

  /** Whether the owner may act on its cache: nothing is pending, all was observed, or timed out. */
  public boolean satisfied(String ownerUid) {
    Pending entry = pending.get(ownerUid);
    return entry == null || entry.met() || expired(entry);
  }

  /**
   * When the owner's pending writes stop holding it back, if they do now; empty when it may act.
   */
  public Optional<Instant> waitingUntil(String ownerUid) {
    Pending entry = pending.get(ownerUid);
    if (entry == null || entry.met() || expired(entry)) {
      return Optional.empty();
    }
    return Optional.of(entry.since().plus(TIMEOUT));
  }

  /** The owner is about to create {@code count} pods. */
  public void expectCreations(String ownerUid, int count) {
    pending.put(ownerUid, new Pending(clock.instant(), count, Set.of()));
  }

  /** The owner is about to delete the pods with these keys ({@link #podKey}). */
  public void expectDeletions(String ownerUid, Collection<String> podKeys) {
    pending.put(ownerUid, new Pending(clock.instant(), 0, Set.copyOf(podKeys)));
  }

  /** A pod the owner created appeared, or a create failed and will not appear. */
  public void creationObserved(String ownerUid) {
    pending.computeIfPresent(ownerUid, (uid, entry) -> entry.lessCreations());
  }

  /**
   * A pod of the owner is being or has been deleted, or a delete failed and will not be seen.
   * Unexpected keys are ignored.
   */
  public void deletionObserved(String ownerUid, String podKey) {
    pending.computeIfPresent(ownerUid, (uid, entry) -> entry.without(podKey));
  }

  /** The key deletions are tracked by: {@code namespace/name}. */
  public static String podKey(Pod pod) {
    return pod.metadata().namespace() + "/" + pod.metadata().name();
  }

  /** The owner is gone: nothing it waited for matters any more. */
  public void forget(String ownerUid) {
    pending.remove(ownerUid);
  }

  private boolean expired(Pending entry) {
    return !clock.instant().isBefore(entry.since().plus(TIMEOUT));
  }

  private record Pending(Instant since, int creations, Set<String> deletions) {

    Pending {
      deletions = Set.copyOf(deletions);
    }

    boolean met() {
      return creations <= 0 && deletions.isEmpty();
    }

    Pending lessCreations() {
      return new Pending(since, creations - 1, deletions);
    }

    Pending without(String podKey) {
      if (!deletions.contains(podKey)) {
        return this;
      }
      Set<String> left = new HashSet<>(deletions);
      left.remove(podKey);
      return new Pending(since, creations, left);
    }
  }
}
