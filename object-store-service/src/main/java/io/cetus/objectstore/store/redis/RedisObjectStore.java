package io.cetus.objectstore.store.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;

import io.cetus.api.errors.ApiException;
import io.cetus.api.errors.Reason;
import io.cetus.api.json.Json;
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
 * {@link ObjectStore} on Redis, in the layout of DESIGN.md §3 ({@link RedisKeys}). Each write is
 * one Lua script (precondition, {@code INCR}, object, index, {@code XADD}), so nothing is ever
 * half-written; a list is one script too, so its items and revision agree.
 *
 * <p>Watches: per resource type at most one {@link StreamReader} (one blocking Redis connection)
 * runs in this instance, started by the first watch of the type and stopped when its last watch
 * ends; each watch is a {@link WatchFeed} that replays the stream from its revision and then takes
 * the reader's live events.
 *
 * <p>Objects of kind Event expire {@code eventTtl} after their last write (Redis {@code PEXPIRE});
 * expiry writes no DELETED event. Redis being unreachable surfaces as ServiceUnavailable.
 */
public final class RedisObjectStore implements ObjectStore, AutoCloseable {

  /** How long Events live by default, as in Kubernetes. */
  public static final Duration DEFAULT_EVENT_TTL = Duration.ofHours(1);

  private static final long ALREADY_EXISTS = -1;
  private static final long NOT_FOUND = -2;
  private static final long CONFLICT = -3;
  private static final String RESOURCE_VERSION_FIELD = "\"resourceVersion\":\"";

  private final RedisConnectionFactory connectionFactory;
  private final StringRedisTemplate redis;
  private final Duration eventTtl;

  /** Stands in for the revision until the write script knows it; unguessable, so never data. */
  private final String placeholder = "cetus-revision-" + UUID.randomUUID();

  private final RedisScript<Long> createScript = script("create", Long.class);
  private final RedisScript<Long> updateScript = script("update", Long.class);
  private final RedisScript<List<Object>> deleteScript = script("delete", List.class);
  private final RedisScript<List<Object>> listScript = script("list", List.class);
  private final RedisScript<List<Object>> readEventsScript = script("read-events", List.class);
  private final RedisScript<Long> compactScript = script("compact", Long.class);

  private final Object readersLock = new Object();
  private final Map<ResourceType, StreamReader> readers = new HashMap<>();
  private boolean closed;

  public RedisObjectStore(RedisConnectionFactory connectionFactory) {
    this(connectionFactory, DEFAULT_EVENT_TTL);
  }

  public RedisObjectStore(RedisConnectionFactory connectionFactory, Duration eventTtl) {
    this.connectionFactory = connectionFactory;
    this.redis = new StringRedisTemplate(connectionFactory);
    // Script calls hand the connection to Spring's script executor, which never closes it;
    // otherwise the template wraps it in a new JDK proxy, found by reflection, on every call.
    this.redis.setExposeConnection(true);
    this.eventTtl = eventTtl;
  }

  @Override
  public ObjectNode create(ResourceType type, ObjectNode object) {
    String name = StoredObjects.name(object);
    String namespace = StoredObjects.namespace(type, object);
    ObjectNode stamped = StoredObjects.stamp(object, placeholder);
    long revision =
        run(
            createScript,
            writeKeys(type, namespace, name),
            serialize(stamped),
            placeholder,
            StoredObjects.member(namespace, name),
            timeToLiveMillis(type));
    if (revision == ALREADY_EXISTS) {
      throw ApiException.alreadyExists(type.qualifiedPlural(), name);
    }
    return StoredObjects.withResourceVersion(stamped, revision);
  }

  @Override
  public ObjectNode update(
      ResourceType type, ObjectNode object, @Nullable String expectedResourceVersion) {
    String name = StoredObjects.name(object);
    String namespace = StoredObjects.namespace(type, object);
    ObjectNode stamped = StoredObjects.stamp(object, placeholder);
    long revision =
        run(
            updateScript,
            writeKeys(type, namespace, name),
            serialize(stamped),
            placeholder,
            StoredObjects.member(namespace, name),
            timeToLiveMillis(type),
            expectedResourceVersion == null ? "" : expectedResourceVersion);
    if (revision == NOT_FOUND) {
      throw ApiException.notFound(type.qualifiedPlural(), name);
    }
    if (revision == CONFLICT) {
      throw ApiException.staleResourceVersion(type.qualifiedPlural(), name);
    }
    return StoredObjects.withResourceVersion(stamped, revision);
  }

  @Override
  public ObjectNode delete(
      ResourceType type,
      @Nullable String namespace,
      String name,
      @Nullable String expectedResourceVersion) {
    String ns = StoredObjects.namespace(type, namespace);
    List<Object> result =
        run(
            deleteScript,
            writeKeys(type, ns, name),
            StoredObjects.member(ns, name),
            expectedResourceVersion == null ? "" : expectedResourceVersion);
    long revision = (Long) result.getFirst();
    if (revision == NOT_FOUND) {
      throw ApiException.notFound(type.qualifiedPlural(), name);
    }
    if (revision == CONFLICT) {
      throw ApiException.staleResourceVersion(type.qualifiedPlural(), name);
    }
    return parse((String) result.get(1));
  }

  @Override
  public Optional<ObjectNode> get(ResourceType type, @Nullable String namespace, String name) {
    String key = RedisKeys.object(type, StoredObjects.namespace(type, namespace), name);
    String json = call(() -> redis.opsForValue().get(key));
    return Optional.ofNullable(json).map(RedisObjectStore::parse);
  }

  @Override
  public StoreList list(
      ResourceType type, @Nullable String namespace, @Nullable String continueAfter, int limit) {
    String scope = StoredObjects.scope(type, namespace);
    if (continueAfter != null) {
      StoredObjects.requireContinuationIn(scope, continueAfter);
    }
    String min;
    String max;
    if (scope == null) {
      min = continueAfter == null ? "-" : "(" + continueAfter;
      max = "+";
    } else {
      min = continueAfter == null ? "[" + scope + "/" : "(" + continueAfter;
      // '0' follows '/', so this spans exactly the members "<scope>/..."
      max = "(" + scope + "0";
    }
    List<Object> result =
        run(
            listScript,
            List.of(RedisKeys.REVISION, RedisKeys.index(type)),
            RedisKeys.objectPrefix(type),
            min,
            max,
            Integer.toString(Math.max(limit, 0)));
    List<ObjectNode> items = new ArrayList<>(result.size() - 2);
    for (Object json : result.subList(2, result.size())) {
      items.add(parse((String) json));
    }
    String next = (String) result.get(1);
    return new StoreList(items, (Long) result.getFirst(), next.isEmpty() ? null : next);
  }

  @Override
  public WatchSubscription watch(
      ResourceType type, @Nullable String namespace, long afterRevision, WatchListener listener) {
    String scope = StoredObjects.scope(type, namespace);
    long compacted = compactedRevision();
    if (afterRevision < compacted) {
      throw WatchFeed.expired(afterRevision, compacted);
    }
    var feed =
        new WatchFeed(
            "cetus-watch-" + type.qualifiedPlural(),
            scope,
            afterRevision,
            listener,
            (after, max) -> history(type, after, max),
            ended -> detach(type, ended));
    synchronized (readersLock) {
      if (closed) {
        throw new ApiException(Reason.SERVICE_UNAVAILABLE, "the object store is closed");
      }
      StreamReader reader = readers.get(type);
      if (reader == null) {
        // Read the start position before the feed reads any history (see StreamReader).
        reader =
            new StreamReader(
                type, currentRevision(), connectionFactory, this::readEvents, this::readerFailed);
        readers.put(type, reader);
        reader.start();
      }
      reader.attach(feed);
    }
    feed.start();
    return feed;
  }

  @Override
  public long currentRevision() {
    return readLong(RedisKeys.REVISION);
  }

  @Override
  public long compactedRevision() {
    return readLong(RedisKeys.COMPACTED);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Keeps the stream entry at {@code revision} itself ({@code XTRIM MINID}); never lowers the
   * compacted revision.
   *
   * @throws ApiException BadRequest when {@code revision} is above {@link #currentRevision()}
   */
  @Override
  public void compact(long revision) {
    List<String> keys = new ArrayList<>();
    keys.add(RedisKeys.COMPACTED);
    keys.add(RedisKeys.REVISION);
    ResourceTypes.all().forEach(type -> keys.add(RedisKeys.events(type)));
    long result = run(compactScript, keys, Long.toString(revision));
    if (result < 0) {
      throw ApiException.badRequest(
          "cannot compact to revision " + revision + " above the current one");
    }
  }

  /**
   * Ends every running watch (ServiceUnavailable), refuses new ones, and waits for the stream
   * readers to release their connections, so the connection factory may be shut down next.
   */
  @Override
  public void close() {
    List<StreamReader> running;
    synchronized (readersLock) {
      closed = true;
      running = new ArrayList<>(readers.values());
      readers.clear();
    }
    var cause = new ApiException(Reason.SERVICE_UNAVAILABLE, "the object store is closed");
    running.forEach(reader -> reader.shutDown(cause));
    try {
      for (StreamReader reader : running) {
        reader.awaitTermination(Duration.ofSeconds(5));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Connection failures and timeouts become ServiceUnavailable; anything else is a bug. */
  static RuntimeException translate(RuntimeException e) {
    if (e instanceof DataAccessResourceFailureException || e instanceof QueryTimeoutException) {
      return new ApiException(
          Reason.SERVICE_UNAVAILABLE, "the object store cannot reach Redis: " + e.getMessage());
    }
    return e;
  }

  private List<StoredEvent> history(ResourceType type, long after, int max) {
    EventPage page = readEvents(type, after, max);
    if (page.compacted() > after) {
      throw WatchFeed.expired(after, page.compacted());
    }
    return page.events();
  }

  private EventPage readEvents(ResourceType type, long after, int max) {
    List<Object> result =
        run(
            readEventsScript,
            List.of(RedisKeys.events(type), RedisKeys.COMPACTED, RedisKeys.REVISION),
            Long.toString(after),
            Integer.toString(max));
    List<StoredEvent> events = new ArrayList<>((result.size() - 2) / 3);
    for (int i = 2; i + 2 < result.size(); i += 3) {
      String id = (String) result.get(i);
      events.add(
          new StoredEvent(
              StoredEvent.Type.valueOf((String) result.get(i + 1)),
              parse((String) result.get(i + 2)),
              Long.parseLong(id.substring(0, id.indexOf('-')))));
    }
    return new EventPage((Long) result.get(0), (Long) result.get(1), events);
  }

  private void detach(ResourceType type, WatchFeed feed) {
    synchronized (readersLock) {
      StreamReader reader = readers.get(type);
      if (reader != null && reader.detach(feed)) {
        reader.stop();
        readers.remove(type);
      }
    }
  }

  private void readerFailed(StreamReader reader) {
    synchronized (readersLock) {
      readers.remove(reader.type(), reader);
    }
  }

  private long readLong(String key) {
    String value = call(() -> redis.opsForValue().get(key));
    return value == null ? 0 : Long.parseLong(value);
  }

  private String timeToLiveMillis(ResourceType type) {
    return type.equals(ResourceTypes.EVENTS) ? Long.toString(eventTtl.toMillis()) : "0";
  }

  private static List<String> writeKeys(ResourceType type, String namespace, String name) {
    return List.of(
        RedisKeys.REVISION,
        RedisKeys.object(type, namespace, name),
        RedisKeys.index(type),
        RedisKeys.events(type));
  }

  /**
   * The object as JSON, checked to hold the placeholder as its first {@code resourceVersion} value,
   * the one the scripts replace. {@link StoredObjects#stamp} guarantees it; the check keeps a
   * future change to that shape from corrupting stored objects.
   */
  private String serialize(ObjectNode stamped) {
    String json = Json.mapper().writeValueAsString(stamped);
    int field = json.indexOf(RESOURCE_VERSION_FIELD);
    if (field < 0
        || json.indexOf(placeholder) != field + RESOURCE_VERSION_FIELD.length()
        || !json.startsWith(placeholder + "\"", field + RESOURCE_VERSION_FIELD.length())) {
      throw new IllegalStateException("metadata.resourceVersion is not the first one in " + json);
    }
    return json;
  }

  private static ObjectNode parse(String json) {
    return (ObjectNode) Json.mapper().readTree(json);
  }

  private <T> T run(RedisScript<T> script, List<String> keys, String... args) {
    T result = call(() -> redis.execute(script, keys, (Object[]) args));
    if (result == null) {
      throw new IllegalStateException("script " + script.getSha1() + " gave no answer");
    }
    return result;
  }

  private static <T> @Nullable T call(Supplier<@Nullable T> redisCall) {
    try {
      return redisCall.get();
    } catch (RuntimeException e) {
      throw translate(e);
    }
  }

  /**
   * The script's text is read once: a script backed by a resource re-checks the resource's
   * modification time (a lookup in the jar) on every call to compute its SHA-1.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static <T> RedisScript<T> script(String name, Class<?> resultType) {
    try {
      String text =
          new ClassPathResource("redis/" + name + ".lua")
              .getContentAsString(StandardCharsets.UTF_8);
      return new DefaultRedisScript<T>(text, (Class) resultType);
    } catch (IOException e) {
      throw new UncheckedIOException("the Redis script " + name + " cannot be read", e);
    }
  }
}
