package io.cetus.deployment;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * The resourceVersions this controller has written over, per object uid, until the informer cache
 * shows something newer. A reconcile that finds one of them in the cache would compute from a state
 * it has itself replaced, and its writes would only fail with Conflict; it waits instead for the
 * informer's update, which queues the deployment again. Thread-safe.
 */
final class WrittenVersions {

  private final Map<String, Set<String>> superseded = new ConcurrentHashMap<>();

  /** Records that a write replaced {@code before} of the object {@code uid} with {@code after}. */
  void wrote(@Nullable String uid, @Nullable String before, @Nullable String after) {
    if (uid == null || before == null || before.equals(after)) {
      return;
    }
    superseded.compute(
        uid,
        (key, versions) -> {
          Set<String> updated = versions == null ? new HashSet<>() : new HashSet<>(versions);
          updated.add(before);
          return Set.copyOf(updated);
        });
  }

  /**
   * Whether {@code cachedVersion} of {@code uid} is one this controller has written over; once the
   * cache shows any other version, the object is forgotten.
   */
  boolean isStale(@Nullable String uid, @Nullable String cachedVersion) {
    if (uid == null) {
      return false;
    }
    Set<String> versions = superseded.get(uid);
    if (versions == null) {
      return false;
    }
    if (versions.contains(cachedVersion)) {
      return true;
    }
    superseded.remove(uid, versions);
    return false;
  }

  void forget(@Nullable String uid) {
    if (uid != null) {
      superseded.remove(uid);
    }
  }
}
