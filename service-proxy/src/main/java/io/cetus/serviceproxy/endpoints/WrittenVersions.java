package io.cetus.serviceproxy.endpoints;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import io.cetus.controller.reconcile.Request;

/**
 * The resourceVersion of each Endpoints this controller last wrote over, until the informer cache
 * shows a newer one (Kubernetes' {@code staleEndpointsTracker}). A reconcile that finds that
 * version in the cache would compare against a state it has itself replaced: it could skip a write
 * that is needed (the cache shows what is wanted again, the server does not) or fail with Conflict.
 * It waits instead for the informer's update, which queues the service again. Thread-safe.
 */
final class WrittenVersions {

  private final Map<Request, String> superseded = new ConcurrentHashMap<>();

  /** Records that a write replaced version {@code before} of the Endpoints {@code key}. */
  void wrote(Request key, @Nullable String before, @Nullable String after) {
    if (before != null && !before.equals(after)) {
      superseded.put(key, before);
    }
  }

  /**
   * Whether {@code cachedVersion} of {@code key} is one this controller has written over; once the
   * cache shows another version, the key is forgotten.
   */
  boolean isStale(Request key, @Nullable String cachedVersion) {
    String version = superseded.get(key);
    if (version == null) {
      return false;
    }
    if (version.equals(cachedVersion)) {
      return true;
    }
    superseded.remove(key, version);
    return false;
  }

  void forget(Request key) {
    superseded.remove(key);
  }
}
