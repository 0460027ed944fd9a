package io.cetus.objectstore.store.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;

import io.cetus.api.resource.ResourceType;
import io.cetus.objectstore.store.StoredEvent;
import io.cetus.objectstore.store.support.WatchFeed;

/**
 * The one Redis reader of one resource type's event stream in this process, fanning each event out
 * to the {@link WatchFeed}s attached to it.
 *
 * <p>It reads through {@link EventPage}s (an atomic script that also reports the compacted and the
 * current revision) and, when caught up, waits with {@code XREAD BLOCK} on a connection of its own,
 * so the shared connection never blocks. Its position starts at the revision current when it was
 * created, which the store reads before any attached feed reads history, so every event a feed's
 * history read misses passes through here after the feed attached. When caught up, the position
 * moves to the current revision: no event at or below it can still appear in this stream. If the
 * compacted revision overtakes the position, events may have been trimmed unseen and every feed
 * ends with Expired; as the position advances at least once per {@link #BLOCK}, that happens only
 * to a reader that has fallen behind by the whole retained history. Any failure ends every feed the
 * same way; the store then starts a new reader for the next watch.
 */
final class StreamReader {

  private static final Logger log = LoggerFactory.getLogger(StreamReader.class);

  /** How long one XREAD waits; when it returns empty, the position moves to the current one. */
  private static final Duration BLOCK = Duration.ofSeconds(1);

  private static final int BATCH = 500;

  /** Reads the events of {@code type} after a revision; see {@link EventPage}. */
  @FunctionalInterface
  interface Pages {
    EventPage read(ResourceType type, long after, int max);
  }

  private final ResourceType type;
  private final RedisConnectionFactory connectionFactory;
  private final Pages pages;
  private final Consumer<StreamReader> onFailure;
  private final byte[] streamKey;
  private final Set<WatchFeed> feeds = ConcurrentHashMap.newKeySet();
  private volatile boolean stopped;
  private volatile @Nullable Thread thread;
  private long position;

  StreamReader(
      ResourceType type,
      long startRevision,
      RedisConnectionFactory connectionFactory,
      Pages pages,
      Consumer<StreamReader> onFailure) {
    this.type = type;
    this.position = startRevision;
    this.connectionFactory = connectionFactory;
    this.pages = pages;
    this.onFailure = onFailure;
    this.streamKey = RedisKeys.events(type).getBytes(StandardCharsets.UTF_8);
  }

  ResourceType type() {
    return type;
  }

  void start() {
    thread =
        Thread.ofVirtual().name("cetus-stream-reader-" + type.qualifiedPlural()).start(this::run);
  }

  void attach(WatchFeed feed) {
    feeds.add(feed);
  }

  /** Detaches {@code feed}; true when it was attached and no feed is left. */
  boolean detach(WatchFeed feed) {
    return feeds.remove(feed) && feeds.isEmpty();
  }

  /** Stops reading, interrupting a blocked read; the thread then closes its connection. */
  void stop() {
    stopped = true;
    Thread reader = thread;
    if (reader != null) {
      reader.interrupt();
    }
  }

  /** Stops reading and ends every attached feed with {@code cause}. */
  void shutDown(Throwable cause) {
    stop();
    feeds.forEach(feed -> feed.fail(cause));
  }

  /** Waits up to {@code timeout} for the thread to exit, i.e. to release its connection. */
  void awaitTermination(Duration timeout) throws InterruptedException {
    Thread reader = thread;
    if (reader != null) {
      reader.join(timeout);
    }
  }

  private void run() {
    @Nullable RedisConnection blocking = null;
    try {
      blocking = connectionFactory.getConnection();
      while (!stopped) {
        EventPage page = pages.read(type, position, BATCH);
        if (page.compacted() > position) {
          fail(WatchFeed.expired(position, page.compacted()));
          return;
        }
        List<StoredEvent> events = page.events();
        if (events.isEmpty()) {
          position = Math.max(position, page.revision());
          awaitEntriesAfter(blocking, position);
        } else {
          for (StoredEvent event : events) {
            feeds.forEach(feed -> feed.offer(event));
          }
          position = events.getLast().revision();
        }
      }
    } catch (RuntimeException e) {
      if (!stopped) {
        log.warn(
            "reading the {} event stream failed; ending its watches", type.qualifiedPlural(), e);
        fail(RedisObjectStore.translate(e));
      }
    } finally {
      Thread.interrupted(); // a stop() interrupt must not disturb releasing the connection
      if (blocking != null) {
        blocking.close();
      }
    }
  }

  private void awaitEntriesAfter(RedisConnection blocking, long revision) {
    try {
      // Only a wake-up: the entries are then read through the atomic page script.
      blocking
          .streamCommands()
          .xRead(
              StreamReadOptions.empty().block(BLOCK).count(1),
              StreamOffset.create(streamKey, ReadOffset.from(revision + "-0")));
    } catch (QueryTimeoutException e) {
      // the client gave up before the server did; poll again
    }
  }

  private void fail(Throwable cause) {
    stopped = true;
    onFailure.accept(this);
    feeds.forEach(feed -> feed.fail(cause));
  }
}
