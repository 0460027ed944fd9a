package io.cetus.nodeagent.pod;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * Restart and image-pull back-off (Nomad's {@code taskrunner/restarts}, Kubernetes' crash loop
 * back-off): the n-th restart of a container waits 10 s doubled n-1 times, at most 5 minutes, after
 * its last exit (the first restart is immediate); failed pulls back off the same way. Crash
 * back-off follows from the restart count the engine's labels carry, so it survives an agent
 * restart; pull failures are remembered here until a pull succeeds.
 */
final class RestartTracker {

  static final Duration INITIAL = Duration.ofSeconds(10);
  static final Duration MAX = Duration.ofMinutes(5);

  private final Map<String, PullFailure> pullFailures = new ConcurrentHashMap<>();

  /** A failed pull: how many in a row, and when the next attempt is allowed. */
  record PullFailure(int attempts, Instant retryAt, String message) {}

  /** The delay before restart number {@code restarts + 1}, after {@code restarts} restarts. */
  static Duration crashBackoff(int restarts) {
    return restarts == 0 ? Duration.ZERO : backoff(restarts);
  }

  /** When a container that exited at {@code finishedAt} after {@code restarts} may start again. */
  static Instant restartAt(@Nullable Instant finishedAt, int restarts) {
    return (finishedAt == null ? Instant.EPOCH : finishedAt).plus(crashBackoff(restarts));
  }

  private static Duration backoff(int attempt) {
    Duration delay = INITIAL;
    for (int i = 1; i < attempt && delay.compareTo(MAX) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(MAX) > 0 ? MAX : delay;
  }

  void pullFailed(String key, Instant now, String message) {
    pullFailures.compute(
        key,
        (k, old) -> {
          int attempts = old == null ? 1 : old.attempts() + 1;
          return new PullFailure(attempts, now.plus(backoff(attempts)), message);
        });
  }

  void pullSucceeded(String key) {
    pullFailures.remove(key);
  }

  @Nullable PullFailure pullFailure(String key) {
    return pullFailures.get(key);
  }

  /** Forgets every container of a pod. */
  void forgetPod(String podUid) {
    pullFailures.keySet().removeIf(key -> key.startsWith(podUid + "/"));
  }

  static String key(String podUid, String container) {
    return podUid + "/" + container;
  }
}
