package io.cetus.client.redis;

import org.jspecify.annotations.Nullable;

import io.cetus.api.meta.ApiObject;
import io.cetus.api.resource.ResourceType;
import io.cetus.client.ListOptions;
import io.cetus.client.ObjectClient;
import io.cetus.client.ObjectClientFactory;
import io.cetus.client.ObjectList;
import io.cetus.client.WatchStream;
import io.cetus.client.informer.ClientListerWatcher;
import io.cetus.client.informer.ListerWatcher;
import io.cetus.client.informer.ListerWatcherSource;
import io.lettuce.core.RedisClient;

/**
 * Lists through the API and watches the object store's Redis Stream of the kind directly, so a
 * control-plane service costs the store no HTTP watch. Each watch holds a Redis connection of its
 * own (a blocking read would stall a shared one), made from the {@link RedisClient} the caller owns
 * and closed with the watch.
 *
 * <p>A watch from a revision below the store's compaction revision fails with {@code Expired}, as
 * an HTTP watch does; so does one whose reader fell so far behind that compaction passed it.
 * Optionally narrowed to one namespace; label and field selectors need the HTTP source.
 */
public final class RedisWatchSource<T extends ApiObject> implements ListerWatcher<T> {

  private final ObjectClient<T> client;
  private final RedisClient redis;
  private final Class<T> javaType;
  private final @Nullable String namespace;
  private final ListerWatcher<T> lister;

  /**
   * @param namespace only objects of this namespace; {@code null} for all
   */
  public RedisWatchSource(
      ObjectClient<T> client, RedisClient redis, Class<T> javaType, @Nullable String namespace) {
    this.client = client;
    this.redis = redis;
    this.javaType = javaType;
    this.namespace = namespace;
    this.lister = ClientListerWatcher.of(client, namespace, ListOptions.ALL);
  }

  /** Informers that list through {@code clients} and watch through {@code redis}. */
  public static ListerWatcherSource source(ObjectClientFactory clients, RedisClient redis) {
    return new ListerWatcherSource() {
      @Override
      public <U extends ApiObject> ListerWatcher<U> listerWatcher(
          ResourceType type, Class<U> javaType) {
        return new RedisWatchSource<>(clients.objects(type, javaType), redis, javaType, null);
      }
    };
  }

  @Override
  public ObjectList<T> list() {
    return lister.list();
  }

  @Override
  public WatchStream<T> watch(String resourceVersion) {
    return RedisStreamWatch.open(
        redis, RedisKeys.events(client.resourceType()), javaType, namespace, resourceVersion);
  }
}
