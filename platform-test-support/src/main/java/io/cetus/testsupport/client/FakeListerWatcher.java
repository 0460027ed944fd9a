package io.cetus.testsupport.client;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;

import org.jspecify.annotations.Nullable;

import io.cetus.api.errors.ApiException;
import io.cetus.api.json.Json;
import io.cetus.api.meta.ApiObject;
import io.cetus.api.watch.WatchEvent;
import io.cetus.client.ObjectList;
import io.cetus.client.WatchStream;
import io.cetus.client.informer.ListerWatcher;

import tools.jackson.databind.node.ObjectNode;

/**
 * An in-memory source of one kind for informers, behaving like the object store: every change gets
 * the next revision (written into {@code metadata.resourceVersion}), lists are consistent, and a
 * watch from revision N replays the changes after N and then follows live ones.
 *
 * <p>Failure modes, on demand: {@link #compact()} makes watches from older revisions fail with
 * {@code Expired}; {@link #dropWatches()} ends open watches as a server timeout does; {@link
 * #failNextList} fails the next list. Thread-safe.
 */
public final class FakeListerWatcher<T extends ApiObject> implements ListerWatcher<T> {

  private static final Object END = new Object();

  private final Class<T> javaType;
  private final Map<String, T> objects = new LinkedHashMap<>();
  private final List<Change<T>> history = new ArrayList<>();
  private final List<FakeWatch> watches = new CopyOnWriteArrayList<>();
  private final ArrayDeque<RuntimeException> listFailures = new ArrayDeque<>();
  private long revision;
  private long compacted;
  private int lists;

  public FakeListerWatcher(Class<T> javaType) {
    this.javaType = javaType;
  }

  /** Stores a new object; returns it with its revision. */
  public synchronized T add(T object) {
    return record(WatchEvent.ADDED, object);
  }

  /** Replaces an object (no conflict check); returns it with its new revision. */
  public synchronized T modify(T object) {
    return record(WatchEvent.MODIFIED, object);
  }

  /** Removes the object; its watchers see its last state at the deletion's revision. */
  public synchronized void delete(@Nullable String namespace, String name) {
    T last = objects.get(key(namespace, name));
    if (last == null) {
      throw ApiException.notFound("objects", name);
    }
    record(WatchEvent.DELETED, last);
  }

  /** Forgets the history up to now: a watch from any earlier revision fails with Expired. */
  public synchronized void compact() {
    compacted = revision;
    history.clear();
  }

  /** Ends every open watch, as a server closing streams on its timeout does. */
  public void dropWatches() {
    watches.forEach(watch -> watch.events.add(END));
  }

  /** The next list fails with {@code failure}. */
  public synchronized void failNextList(RuntimeException failure) {
    listFailures.add(failure);
  }

  /** The revision of the last change. */
  public synchronized String resourceVersion() {
    return Long.toString(revision);
  }

  /** How many lists were answered, failed ones included. */
  public synchronized int lists() {
    return lists;
  }

  /** How many watches are open now. */
  public int openWatches() {
    return (int) watches.stream().filter(watch -> !watch.closed).count();
  }

  @Override
  public synchronized ObjectList<T> list() {
    lists++;
    RuntimeException failure = listFailures.poll();
    if (failure != null) {
      throw failure;
    }
    return new ObjectList<>(List.copyOf(objects.values()), resourceVersion(), null);
  }

  @Override
  public synchronized WatchStream<T> watch(String resourceVersion) {
    long from = Long.parseLong(resourceVersion);
    if (from < compacted) {
      throw ApiException.expired("too old resource version: " + from + " (" + compacted + ")");
    }
    var watch = new FakeWatch();
    for (Change<T> change : history) {
      if (change.revision() > from) {
        watch.events.add(change.event());
      }
    }
    watches.add(watch);
    return watch;
  }

  private T record(String type, T object) {
    revision++;
    T stored = withResourceVersion(object, revision);
    String key = key(stored.metadata().namespace(), String.valueOf(stored.metadata().name()));
    if (WatchEvent.DELETED.equals(type)) {
      objects.remove(key);
    } else {
      objects.put(key, stored);
    }
    var event = new WatchEvent<>(type, stored);
    history.add(new Change<>(revision, event));
    watches.forEach(watch -> watch.events.add(event));
    return stored;
  }

  private T withResourceVersion(T object, long newRevision) {
    ObjectNode tree = Json.mapper().valueToTree(object);
    ((ObjectNode) tree.path("metadata")).put("resourceVersion", Long.toString(newRevision));
    return Json.mapper().treeToValue(tree, javaType);
  }

  private static String key(@Nullable String namespace, String name) {
    return namespace == null ? name : namespace + "/" + name;
  }

  private record Change<T>(long revision, WatchEvent<T> event) {}

  private final class FakeWatch implements WatchStream<T> {

    private final LinkedBlockingQueue<Object> events = new LinkedBlockingQueue<>();
    private volatile boolean closed;

    @Override
    @SuppressWarnings("unchecked")
    public Optional<WatchEvent<T>> next() {
      if (closed) {
        return Optional.empty();
      }
      try {
        Object next = events.take();
        if (next == END) {
          close();
          return Optional.empty();
        }
        return Optional.of((WatchEvent<T>) next);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }

    @Override
    public void close() {
      closed = true;
      events.add(END);
      watches.remove(this);
    }
  }
}
