package io.cetus.client.informer;

import io.cetus.api.meta.ApiObject;
import io.cetus.client.ObjectList;
import io.cetus.client.WatchStream;

/**
 * Where an informer's data comes from: a consistent list, then a watch of every change after the
 * list's revision. The only seam the reflector needs; {@link ClientListerWatcher} reads through an
 * {@link io.cetus.client.ObjectClient}, {@code client.redis.RedisWatchSource} watches the store's
 * Redis streams.
 */
public interface ListerWatcher<T extends ApiObject> {

  /**
   * Every object, in one list (implementations follow pages themselves), with the revision it was
   * read at.
   *
   * @throws io.cetus.api.errors.ApiException when the source cannot answer; the informer retries
   *     with backoff
   */
  ObjectList<T> list();

  /**
   * Every change after {@code resourceVersion}, in order.
   *
   * @throws io.cetus.api.errors.ApiException {@code Expired}/{@code Gone} (here or from the stream)
   *     when that revision has been compacted: the informer lists again
   */
  WatchStream<T> watch(String resourceVersion);
}
