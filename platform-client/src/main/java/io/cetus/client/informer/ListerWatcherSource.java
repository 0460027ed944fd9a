package io.cetus.client.informer;

import io.cetus.api.meta.ApiObject;
import io.cetus.api.resource.ResourceType;

/**
 * Makes the {@link ListerWatcher} of any kind, so a {@link SharedInformerFactory} can build
 * informers without knowing whether they watch over HTTP ({@link ClientListerWatcher#source}) or
 * Redis ({@code RedisWatchSource.source}).
 */
public interface ListerWatcherSource {

  /** The lister-watcher of every object of {@code type}, in all namespaces. */
  <T extends ApiObject> ListerWatcher<T> listerWatcher(ResourceType type, Class<T> javaType);
}
