package io.cetus.client.informer.internal;

import java.util.List;

import io.cetus.api.watch.WatchEvent;

/** What a {@link Reflector} feeds: whole lists and single watch events, in order. */
public interface ReflectorSink<T> {

  /** The source's complete content at {@code resourceVersion}, replacing everything before. */
  void replace(List<T> objects, String resourceVersion);

  /** One {@code ADDED}, {@code MODIFIED} or {@code DELETED} event. */
  void apply(WatchEvent<T> event);
}
