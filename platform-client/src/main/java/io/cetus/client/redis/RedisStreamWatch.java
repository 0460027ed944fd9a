package io.cetus.client.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cetus.api.errors.ApiException;
import io.cetus.api.errors.Reason;
import io.cetus.api.meta.ApiObject;
import io.cetus.api.watch.WatchEvent;
import io.cetus.client.WatchStream;
import io.cetus.client.json.ClientJson;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

import tools.jackson.core.JacksonException;

/**
 * One watch on a resource's Redis Stream.
 *
 * <p>It keeps a watermark: the revision up to which it has delivered every change of the resource.
 * Each read runs {@code watch-read.lua}, which returns the entries after the watermark together
 * with the global and the compacted revision, atomically. If the watermark is below the compacted
 * revision, changes may have been trimmed unseen, and the watch fails with {@code Expired}. If the
 * read is complete, the watermark moves to the global revision even when the resource did not
 * change, so an idle watch never mistakes compaction of other resources' history for a gap. Between
 * reads, {@code XREAD BLOCK} waits for the next entry; it only wakes the reader, which then reads
 * through the script again.
 */
final class RedisStreamWatch<T extends ApiObject> implements WatchStream<T> {

  private static final Logger log = LoggerFactory.getLogger(RedisStreamWatch.class);
  private static final String SCRIPT = loadScript();
  private static final int BATCH = 256;

  /**
   * How long one XREAD waits. Every wake-up moves the watermark to the global revision, so it must
   * stay well below the store's watch history: a watermark older than the history could be taken
   * for a gap (a harmless but needless re-list).
   */
  private static final Duration BLOCK = Duration.ofSeconds(1);

  private final StatefulRedisConnection<String, String> connection;
  private final RedisCommands<String, String> redis;
  private final String stream;
  private final Class<T> javaType;
  private final @Nullable String namespace;
  private final ArrayDeque<WatchEvent<T>> pending = new ArrayDeque<>();
  private @Nullable String scriptSha;
  private long watermark;
  private volatile boolean closed;

  private RedisStreamWatch(
      StatefulRedisConnection<String, String> connection,
      String stream,
      Class<T> javaType,
      @Nullable String namespace,
      long from) {
    this.connection = connection;
    this.redis = connection.sync();
    this.stream = stream;
    this.javaType = javaType;
    this.namespace = namespace;
    this.watermark = from;
  }

  static <T extends ApiObject> RedisStreamWatch<T> open(
      RedisClient client,
      String stream,
      Class<T> javaType,
      @Nullable String namespace,
      String resourceVersion) {
    long from = revisionOf(resourceVersion);
    StatefulRedisConnection<String, String> connection;
    try {
      connection = client.connect();
    } catch (RedisException e) {
      throw unavailable("watch " + stream, e);
    }
    var watch = new RedisStreamWatch<>(connection, stream, javaType, namespace, from);
    try {
      // Fail at once, not on the first next(), when the revision is already compacted.
      watch.read();
      return watch;
    } catch (RuntimeException e) {
      watch.close();
      throw e;
    }
  }

  @Override
  public Optional<WatchEvent<T>> next() {
    try {
      while (!closed) {
        if (!pending.isEmpty()) {
          return Optional.of(pending.poll());
        }
        awaitNewEntry();
        read();
      }
    } catch (RedisException e) {
      if (!closed) {
        throw unavailable("watch " + stream, e);
      }
    }
    return Optional.empty();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    connection.closeAsync();
  }

  private void read() {
    List<Object> answer = runScript();
    long compacted = Long.parseLong((String) answer.get(0));
    long revision = Long.parseLong((String) answer.get(1));
    if (watermark < compacted) {
      throw new ApiException(
          Reason.EXPIRED, "too old resource version: " + watermark + " (" + compacted + ")");
    }
    List<?> entries = (List<?>) answer.get(2);
    for (Object entry : entries) {
      List<?> idAndFields = (List<?>) entry;
      String id = (String) idAndFields.get(0);
      watermark = Long.parseLong(id.substring(0, id.indexOf('-')));
      decode(id, (List<?>) idAndFields.get(1)).ifPresent(pending::add);
    }
    if (entries.size() < BATCH) {
      // The read saw every entry up to the global revision: nothing else changed before it.
      watermark = Math.max(watermark, revision);
    }
  }

  @SuppressWarnings("unchecked")
  private List<Object> runScript() {
    String[] keys = {stream, RedisKeys.COMPACTED, RedisKeys.REVISION};
    String[] args = {(watermark + 1) + "-0", String.valueOf(BATCH)};
    if (scriptSha == null) {
      scriptSha = redis.scriptLoad(SCRIPT);
    }
    try {
      return (List<Object>) redis.evalsha(scriptSha, ScriptOutputType.MULTI, keys, args);
    } catch (RedisNoScriptException e) {
      // Redis restarted and forgot the script.
      scriptSha = null;
      return (List<Object>) redis.eval(SCRIPT, ScriptOutputType.MULTI, keys, args);
    }
  }

  private void awaitNewEntry() {
    redis.xread(
        XReadArgs.Builder.block(BLOCK).count(1),
        XReadArgs.StreamOffset.from(stream, watermark + "-0"));
  }

  private Optional<WatchEvent<T>> decode(String id, List<?> fields) {
    @Nullable String type = null;
    @Nullable String object = null;
    for (int i = 0; i + 1 < fields.size(); i += 2) {
      switch (String.valueOf(fields.get(i))) {
        case "type" -> type = (String) fields.get(i + 1);
        case "object" -> object = (String) fields.get(i + 1);
        default -> {}
      }
    }
    if (type == null || object == null) {
      log.warn("{}: skipping entry {} without type and object", stream, id);
      return Optional.empty();
    }
    T decoded;
    try {
      decoded = ClientJson.mapper().readValue(object, javaType);
    } catch (JacksonException e) {
      throw new ApiException(
          Reason.INTERNAL_ERROR, stream + ": undecodable entry " + id + ": " + e.getMessage());
    }
    if (namespace != null && !namespace.equals(decoded.metadata().namespace())) {
      return Optional.empty();
    }
    return Optional.of(new WatchEvent<>(type, decoded));
  }

  private static long revisionOf(String resourceVersion) {
    try {
      return Long.parseLong(resourceVersion);
    } catch (NumberFormatException e) {
      throw new ApiException(
          Reason.EXPIRED, "resource version \"" + resourceVersion + "\" is not a revision");
    }
  }

  private static ApiException unavailable(String what, RedisException cause) {
    var error = new ApiException(Reason.SERVICE_UNAVAILABLE, what + ": " + cause.getMessage());
    error.initCause(cause);
    return error;
  }

  private static String loadScript() {
    try (InputStream in =
        Objects.requireNonNull(
            RedisStreamWatch.class.getResourceAsStream("watch-read.lua"),
            "watch-read.lua missing from the classpath")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
