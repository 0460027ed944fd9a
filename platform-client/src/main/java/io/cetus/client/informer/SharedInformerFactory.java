package io.cetus.client.informer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cetus.api.meta.ApiObject;
import io.cetus.api.resource.ApiTypes;
import io.cetus.api.resource.ResourceType;

/**
 * One {@link SharedInformer} per kind for a whole process, so every controller that needs pods
 * shares one cache and one watch. Informers made before {@link #start()} start with it; informers
 * made afterwards start at once. Thread-safe.
 */
public final class SharedInformerFactory implements AutoCloseable {

  private final ListerWatcherSource source;
  private final InformerOptions options;
  private final Map<ResourceType, Entry<?>> informers = new LinkedHashMap<>();
  private boolean started;

  public SharedInformerFactory(ListerWatcherSource source, InformerOptions options) {
    this.source = source;
    this.options = options;
  }

  public SharedInformerFactory(ListerWatcherSource source) {
    this(source, InformerOptions.DEFAULTS);
  }

  /**
   * The informer of {@code type}, made on first use.
   *
   * @throws IllegalArgumentException if the informer of {@code type} was made for another Java type
   */
  @SuppressWarnings("unchecked")
  public synchronized <T extends ApiObject> SharedInformer<T> forType(
      ResourceType type, Class<T> javaType) {
    Entry<?> entry = informers.get(type);
    if (entry == null) {
      var informer =
          new DefaultSharedInformer<>(
              type.qualifiedPlural(), source.listerWatcher(type, javaType), options);
      entry = new Entry<>(javaType, informer);
      informers.put(type, entry);
      if (started) {
        informer.start();
      }
    } else if (entry.javaType() != javaType) {
      throw new IllegalArgumentException(
          "the informer of "
              + type.qualifiedPlural()
              + " decodes "
              + entry.javaType().getName()
              + ", not "
              + javaType.getName());
    }
    return (SharedInformer<T>) entry.informer();
  }

  /**
   * The informer of the kind {@code javaType} models, e.g. {@code forType(Pod.class)}.
   *
   * @throws IllegalArgumentException for a class that models no served kind
   */
  public <T extends ApiObject> SharedInformer<T> forType(Class<T> javaType) {
    return forType(ApiTypes.typeOf(javaType), javaType);
  }

  /** Starts every informer made so far, and every one made later. */
  public synchronized void start() {
    started = true;
    informers.values().forEach(entry -> entry.informer().start());
  }

  /** Waits until every informer made so far has synced; {@code false} on timeout. */
  public boolean awaitSynced(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (SharedInformer<?> informer : informers()) {
      long left = deadline - System.nanoTime();
      if (!informer.awaitSynced(Duration.ofNanos(Math.max(0, left)))) {
        return false;
      }
    }
    return true;
  }

  /** The informers made so far, in the order they were made. */
  public synchronized List<SharedInformer<?>> informers() {
    List<SharedInformer<?>> all = new ArrayList<>();
    informers.values().forEach(entry -> all.add(entry.informer()));
    return all;
  }

  /** Stops every informer. */
  public void stop() {
    informers().forEach(SharedInformer::stop);
  }

  @Override
  public void close() {
    stop();
  }

  private record Entry<T extends ApiObject>(Class<T> javaType, SharedInformer<T> informer) {}
}
