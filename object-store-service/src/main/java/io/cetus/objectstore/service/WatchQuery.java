package io.cetus.objectstore.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.cetus.api.errors.ApiErrors;
import io.cetus.api.errors.ApiException;
import io.cetus.api.resource.ResourceType;
import io.cetus.objectstore.store.ObjectStore;
import io.cetus.objectstore.store.StoreList;

import tools.jackson.databind.node.ObjectNode;

/**
 * Opens watches. Without a resourceVersion (or with {@code "0"}) the watch starts with the current
 * state, as synthetic ADDED events, and continues with the changes after the revision it was read
 * at; with one, it carries the changes after it. A revision older than the store's history gives a
 * watch that sends one ERROR event (410 Expired) and ends, which is how Kubernetes tells a client
 * to list again.
 */
@Component
public class WatchQuery implements SmartLifecycle {

  private final ObjectStore store;
  private final ApiServerProperties properties;
  private final ApiMetrics metrics;
  private final Set<Watch> openWatches = ConcurrentHashMap.newKeySet();
  private volatile boolean running;

  WatchQuery(ObjectStore store, ApiServerProperties properties, ApiMetrics metrics) {
    this.store = store;
    this.properties = properties;
    this.metrics = metrics;
  }

  /**
   * Reads the initial state and subscribes; events queue up until {@link Watch#stream} runs.
   *
   * @throws ApiException 400 for a resourceVersion that is not a revision
   */
  public Watch open(WatchRequest request) {
    ResourceType type = request.type();
    String namespace = request.namespace();
    Selection selection = request.selection();
    Long from = revisionOf(request.resourceVersion());
    MatchTracker tracker = selection.isEverything() ? null : new MatchTracker(selection);
    List<ObjectNode> initial = new ArrayList<>();
    long startRevision;
    if (from == null) {
      StoreList current = store.list(type, namespace, null, 0);
      startRevision = current.revision();
      for (ObjectNode object : current.items()) {
        if (tracker != null) {
          tracker.remember(object);
        }
        if (selection.matches(object)) {
          initial.add(object);
        }
      }
    } else {
      startRevision = from;
      if (tracker != null) {
        rememberUnchangedSince(tracker, type, namespace, from);
      }
    }
    Watch watch =
        new Watch(
            type,
            tracker,
            initial,
            startRevision,
            timeoutOf(request.timeout()),
            request.allowBookmarks() ? properties.watchBookmarkInterval() : null,
            properties.watchQueueLimit(),
            metrics,
            openWatches::remove);
    openWatches.add(watch);
    try {
      watch.subscribed(store.watch(type, namespace, startRevision, watch.listener()));
    } catch (RuntimeException e) {
      if (!ApiErrors.isGone(e)) {
        watch.close();
        throw e;
      }
      watch.failedToStart(
          ApiException.expired(
              "too old resource version: "
                  + startRevision
                  + " ("
                  + store.compactedRevision()
                  + ")"));
    }
    return watch;
  }

  @Override
  public void start() {
    running = true;
  }

  /**
   * Ends every open watch, ahead of the web server's graceful shutdown (which would otherwise wait
   * for them): clients see their stream end and watch again, elsewhere.
   */
  @Override
  public void stop() {
    running = false;
    openWatches.forEach(Watch::stop);
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /**
   * Objects that have not changed since {@code revision} are in the client's list as they are now,
   * so whether they match is known; the others are left unknown.
   */
  private void rememberUnchangedSince(
      MatchTracker tracker, ResourceType type, @Nullable String namespace, long revision) {
    for (ObjectNode object : store.list(type, namespace, null, 0).items()) {
      Long version = parseOrNull(Meta.resourceVersion(object));
      if (version != null && version <= revision) {
        tracker.remember(object);
      }
    }
  }

  private Duration timeoutOf(@Nullable Duration asked) {
    if (asked != null && !asked.isNegative() && !asked.isZero()) {
      return asked;
    }
    long min = properties.watchMinTimeout().toMillis();
    long max = Math.max(min + 1, properties.watchMaxTimeout().toMillis());
    return Duration.ofMillis(ThreadLocalRandom.current().nextLong(min, max));
  }

  private static @Nullable Long revisionOf(@Nullable String resourceVersion) {
    if (resourceVersion == null || resourceVersion.isEmpty() || resourceVersion.equals("0")) {
      return null;
    }
    Long revision = parseOrNull(resourceVersion);
    if (revision == null || revision < 0) {
      throw ApiException.badRequest(
          "resourceVersion \"" + resourceVersion + "\" is invalid: not a revision of this server");
    }
    return revision;
  }

  private static @Nullable Long parseOrNull(@Nullable String value) {
    if (value == null) {
      return null;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
