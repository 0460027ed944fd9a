package io.cetus.objectstore.store.memory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;

import io.cetus.api.errors.ApiException;
import io.cetus.api.errors.Reason;
import io.cetus.api.resource.ResourceType;
import io.cetus.api.resource.ResourceTypes;
import io.cetus.objectstore.store.ObjectStore;
import io.cetus.objectstore.store.StoreList;
import io.cetus.objectstore.store.StoredEvent;
import io.cetus.objectstore.store.WatchListener;
import io.cetus.objectstore.store.WatchSubscription;
import io.cetus.objectstore.store.support.StoredObjects;
import io.cetus.objectstore.store.support.WatchFeed;

import tools.jackson.databind.node.ObjectNode;

/**
 * {@link ObjectStore} in memory, with the same guarantees as the Redis store: one global revision,
 * a change history per type (kept until {@link #compact}), watches that replay history and continue
 * live without gaps or repeats. Objects of kind Event expire {@code eventTtl} after their last
 * write, by the injected clock, silently (no DELETED event), as Redis expiry does.
 *
 * <p>Thread-safe: one lock guards all state; listeners run on each watch's own thread, never under
 * the lock. Test hooks: {@link #failNextList}, {@link #failNextWrite}, {@link #dropWatches()};
 * {@link #compact} forces Expired for watches from older revisions.
 */
public final class InMemoryObjectStore implements ObjectStore, AutoCloseable {

  private static final Duration DEFAULT_EVENT_TTL = Duration.ofHours(1);

  private final Clock clock;
  private final Duration eventTtl;
  private final ReentrantLock lock = new ReentrantLock();
  private final Map<ResourceType, TypeState> types = new HashMap<>();
  private long revision;
  private long compacted;
  private @Nullable RuntimeException nextListFailure;
  private @Nullable ResourceType nextWriteFailureType;
  private @Nullable RuntimeException nextWriteFailure;
  private boolean closed;

  public InMemoryObjectStore() {
    this(Clock.systemUTC(), DEFAULT_EVENT_TTL);
  }

  public InMemoryObjectStore(Clock clock, Duration eventTtl) {
    this.clock = clock;
    this.eventTtl = eventTtl;
  }

  @Override
  public ObjectNode create(ResourceType type, ObjectNode object) {
    String name = StoredObjects.name(object);
    String member = StoredObjects.member(StoredObjects.namespace(type, object), name);
    ObjectNode stamped = StoredObjects.stamp(object, "");
    lock.lock();
    try {
      throwWriteFailure(type);
      TypeState state = state(type);
      if (live(state, member) != null) {
        throw ApiException.alreadyExists(type.qualifiedPlural(), name);
      }
      return store(type, state, member, stamped, StoredEvent.Type.ADDED);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public ObjectNode update(
      ResourceType type, ObjectNode object, @Nullable String expectedResourceVersion) {
    String name = StoredObjects.name(object);
    String member = StoredObjects.member(StoredObjects.namespace(type, object), name);
    ObjectNode stamped = StoredObjects.stamp(object, "");
    lock.lock();
    try {
      throwWriteFailure(type);
      TypeState state = state(type);
      Entry current = live(state, member);
      if (current == null) {
        throw ApiException.notFound(type.qualifiedPlural(), name);
      }
      requireVersion(type, name, current, expectedResourceVersion);
      return store(type, state, member, stamped, StoredEvent.Type.MODIFIED);
    } finally {
      lock.unlock();
    }
  }

  /** Keeps {@code stamped} under the next revision and tells the watches; the lock is held. */
  private ObjectNode store(
      ResourceType type,
      TypeState state,
      String member,
      ObjectNode stamped,
      StoredEvent.Type event) {
    long rev = ++revision;
    StoredObjects.withResourceVersion(stamped, rev);
    state.objects.put(member, new Entry(stamped, expiry(type)));
    record(state, new StoredEvent(event, stamped, rev));
    return stamped.deepCopy();
  }

  @Override
  public ObjectNode delete(
      ResourceType type,
      @Nullable String namespace,
      String name,
      @Nullable String expectedResourceVersion) {
    String member = StoredObjects.member(StoredObjects.namespace(type, namespace), name);
    lock.lock();
    try {
      throwWriteFailure(type);
      TypeState state = state(type);
      Entry current = live(state, member);
      if (current == null) {
        throw ApiException.notFound(type.qualifiedPlural(), name);
      }
      requireVersion(type, name, current, expectedResourceVersion);
      long rev = ++revision;
      ObjectNode last = StoredObjects.withResourceVersion(current.object().deepCopy(), rev);
      state.objects.remove(member);
      record(state, new StoredEvent(StoredEvent.Type.DELETED, last, rev));
      return last.deepCopy();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Optional<ObjectNode> get(ResourceType type, @Nullable String namespace, String name) {
    String member = StoredObjects.member(StoredObjects.namespace(type, namespace), name);
    lock.lock();
    try {
      Entry entry = live(state(type), member);
      return entry == null ? Optional.empty() : Optional.of(entry.object().deepCopy());
    } finally {
      lock.unlock();
    }
  }

  @Override
  public StoreList list(
      ResourceType type, @Nullable String namespace, @Nullable String continueAfter, int limit) {
    String scope = StoredObjects.scope(type, namespace);
    if (continueAfter != null) {
      StoredObjects.requireContinuationIn(scope, continueAfter);
    }
    lock.lock();
    try {
      if (nextListFailure != null) {
        RuntimeException failure = nextListFailure;
        nextListFailure = null;
        throw failure;
      }
      NavigableMap<String, Entry> view = state(type).objects;
      if (scope != null) {
        // '0' follows '/', so this spans exactly the members "<scope>/..."
        view = view.subMap(scope + "/", true, scope + "0", false);
      }
      if (continueAfter != null) {
        view = view.tailMap(continueAfter, false);
      }
      Instant now = clock.instant();
      List<ObjectNode> items = new ArrayList<>();
      List<String> expired = new ArrayList<>();
      String last = null;
      boolean more = false;
      for (Map.Entry<String, Entry> entry : view.entrySet()) {
        if (entry.getValue().expiredAt(now)) {
          expired.add(entry.getKey());
          continue;
        }
        if (limit > 0 && items.size() == limit) {
          more = true;
          break;
        }
        items.add(entry.getValue().object().deepCopy());
        last = entry.getKey();
      }
      expired.forEach(state(type).objects::remove);
      return new StoreList(items, revision, more ? last : null);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public WatchSubscription watch(
      ResourceType type, @Nullable String namespace, long afterRevision, WatchListener listener) {
    String scope = StoredObjects.scope(type, namespace);
    WatchFeed feed;
    lock.lock();
    try {
      if (closed) {
        throw new ApiException(Reason.SERVICE_UNAVAILABLE, "the object store is closed");
      }
      if (afterRevision < compacted) {
        throw WatchFeed.expired(afterRevision, compacted);
      }
      TypeState state = state(type);
      feed =
          new WatchFeed(
              "cetus-watch-" + type.qualifiedPlural(),
              scope,
              afterRevision,
              listener,
              (after, max) -> history(state, after, max),
              ended -> detach(state, ended));
      state.feeds.add(feed);
    } finally {
      lock.unlock();
    }
    feed.start();
    return feed;
  }

  @Override
  public long currentRevision() {
    lock.lock();
    try {
      return revision;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public long compactedRevision() {
    lock.lock();
    try {
      return compacted;
    } finally {
      lock.unlock();
    }
  }

  /**
   * {@inheritDoc}
   *
   * @throws ApiException BadRequest when {@code revision} is above {@link #currentRevision()}
   */
  @Override
  public void compact(long revision) {
    lock.lock();
    try {
      if (revision > this.revision) {
        throw ApiException.badRequest(
            "cannot compact to revision " + revision + " above the current " + this.revision);
      }
      if (revision <= compacted) {
        return;
      }
      compacted = revision;
      for (TypeState state : types.values()) {
        state.history.subList(0, firstAbove(state.history, revision - 1)).clear();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Test hook: the next {@link #list} call throws {@code failure} instead of answering. */
  /**
   * Test hook: the next create, update or delete of an object of {@code type} throws {@code
   * failure} and writes nothing.
   */
  public void failNextWrite(ResourceType type, RuntimeException failure) {
    lock.lock();
    try {
      nextWriteFailureType = type;
      nextWriteFailure = failure;
    } finally {
      lock.unlock();
    }
  }

  private void throwWriteFailure(ResourceType type) {
    RuntimeException failure = nextWriteFailure;
    if (failure != null && type.equals(nextWriteFailureType)) {
      nextWriteFailure = null;
      nextWriteFailureType = null;
      throw failure;
    }
  }

  public void failNextList(RuntimeException failure) {
    lock.lock();
    try {
      nextListFailure = failure;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Test hook: ends every running watch with a ServiceUnavailable {@link WatchListener#onClose}, as
   * a lost connection would; watchers must watch again from the last revision they saw.
   */
  public void dropWatches() {
    endWatches(new ApiException(Reason.SERVICE_UNAVAILABLE, "watch dropped by the store"));
  }

  /** Ends every running watch (ServiceUnavailable) and refuses new ones. */
  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
    } finally {
      lock.unlock();
    }
    endWatches(new ApiException(Reason.SERVICE_UNAVAILABLE, "the object store is closed"));
  }

  private void endWatches(ApiException cause) {
    List<WatchFeed> feeds = new ArrayList<>();
    lock.lock();
    try {
      for (TypeState state : types.values()) {
        feeds.addAll(state.feeds);
        state.feeds.clear();
      }
    } finally {
      lock.unlock();
    }
    feeds.forEach(feed -> feed.fail(cause));
  }

  private List<StoredEvent> history(TypeState state, long after, int max) {
    lock.lock();
    try {
      if (after < compacted) {
        throw WatchFeed.expired(after, compacted);
      }
      int from = firstAbove(state.history, after);
      return List.copyOf(state.history.subList(from, Math.min(state.history.size(), from + max)));
    } finally {
      lock.unlock();
    }
  }

  private void detach(TypeState state, WatchFeed feed) {
    lock.lock();
    try {
      state.feeds.remove(feed);
    } finally {
      lock.unlock();
    }
  }

  /** Called under the lock, so feeds see events in revision order. */
  private static void record(TypeState state, StoredEvent event) {
    state.history.add(event);
    state.feeds.forEach(feed -> feed.offer(event));
  }

  /** The index of the first event with a revision above {@code revision}. */
  private static int firstAbove(List<StoredEvent> history, long revision) {
    int low = 0;
    int high = history.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (history.get(mid).revision() <= revision) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  private static void requireVersion(
      ResourceType type, String name, Entry current, @Nullable String expected) {
    if (expected != null
        && !expected.equals(current.object().path("metadata").path("resourceVersion").asString())) {
      throw ApiException.staleResourceVersion(type.qualifiedPlural(), name);
    }
  }

  private @Nullable Entry live(TypeState state, String member) {
    Entry entry = state.objects.get(member);
    if (entry != null && entry.expiredAt(clock.instant())) {
      state.objects.remove(member);
      return null;
    }
    return entry;
  }

  private @Nullable Instant expiry(ResourceType type) {
    return type.equals(ResourceTypes.EVENTS) ? clock.instant().plus(eventTtl) : null;
  }

  private TypeState state(ResourceType type) {
    return types.computeIfAbsent(type, t -> new TypeState());
  }

  private record Entry(ObjectNode object, @Nullable Instant expiresAt) {
    boolean expiredAt(Instant now) {
      return expiresAt != null && !now.isBefore(expiresAt);
    }
  }

  private static final class TypeState {
    final TreeMap<String, Entry> objects = new TreeMap<>();
    final List<StoredEvent> history = new ArrayList<>();
    final Set<WatchFeed> feeds = new LinkedHashSet<>();
  }
}
