package io.cetus.objectstore.service;

import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.cetus.api.watch.WatchEvent;
import io.cetus.objectstore.store.StoredEvent;

import tools.jackson.databind.node.ObjectNode;

/**
 * Turns the store's changes into what a watcher with selectors must see, as Kubernetes does: an
 * object that starts matching arrives as ADDED, one that stops matching leaves as DELETED, and
 * changes of objects that match neither before nor after are not sent. It remembers, per object,
 * whether the watcher last saw it matching. An object it knows nothing about (changed between the
 * client's list and the start of the watch) is assumed to be known to the client: a change that no
 * longer matches is sent as DELETED, which is harmless if the client never had it.
 *
 * <p>Used by one watch thread only.
 */
final class MatchTracker {

  private final Selection selection;
  private final Map<String, Boolean> matching = new HashMap<>();

  MatchTracker(Selection selection) {
    this.selection = selection;
  }

  /** Records what the client is known to hold, e.g. from the initial list. */
  void remember(ObjectNode object) {
    matching.put(key(object), selection.matches(object));
  }

  /** The event type to send for this change, or null to send nothing. */
  @Nullable String transition(StoredEvent.Type type, ObjectNode object) {
    String key = key(object);
    boolean now = selection.matches(object);
    Boolean before =
        type == StoredEvent.Type.DELETED ? matching.remove(key) : matching.put(key, now);
    return switch (type) {
      case ADDED -> now ? WatchEvent.ADDED : null;
      case MODIFIED -> {
        if (before == null) {
          yield now ? WatchEvent.MODIFIED : WatchEvent.DELETED;
        }
        if (now) {
          yield before ? WatchEvent.MODIFIED : WatchEvent.ADDED;
        }
        yield before ? WatchEvent.DELETED : null;
      }
      case DELETED -> before == null || before ? WatchEvent.DELETED : null;
    };
  }

  private static String key(ObjectNode object) {
    String namespace = Meta.namespace(object);
    return (namespace == null ? "" : namespace) + "/" + Meta.name(object);
  }
}
