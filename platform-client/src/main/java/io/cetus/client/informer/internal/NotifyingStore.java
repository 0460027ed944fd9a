package io.cetus.client.informer.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import io.cetus.api.meta.ApiObject;
import io.cetus.api.watch.WatchEvent;
import io.cetus.client.informer.Lister;
import io.cetus.client.informer.ResourceEventHandler;

/**
 * An informer's cache: applies what the {@link Reflector} delivers to a {@link ThreadSafeStore} and
 * queues the matching handler notifications. Each change and its notification happen under one
 * lock, so the order of notifications is the order of changes, and a handler registered with a
 * snapshot of the store misses nothing and sees nothing twice.
 */
public final class NotifyingStore<T extends ApiObject> implements ReflectorSink<T> {

  private final ReentrantLock changes = new ReentrantLock();
  private final ThreadSafeStore<T> store = new ThreadSafeStore<>();
  private final StoreLister<T> lister = new StoreLister<>(store);
  private final EventDistributor<T> distributor;
  private final CountDownLatch synced = new CountDownLatch(1);

  public NotifyingStore(String name) {
    this.distributor = new EventDistributor<>(name);
  }

  public Lister<T> lister() {
    return lister;
  }

  public boolean hasSynced() {
    return synced.getCount() == 0;
  }

  public boolean awaitSynced(Duration timeout) throws InterruptedException {
    return synced.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Registers {@code handler}; it first gets {@code onAdd(o, true)} for every cached object. */
  public void addHandler(ResourceEventHandler<T> handler) {
    changes.lock();
    try {
      distributor.register(handler, store.list());
    } finally {
      changes.unlock();
    }
  }

  /**
   * Replaces the content with {@code objects} and notifies the difference: new objects are added
   * ({@code inInitialList} on the first list), objects at another revision updated, and objects
   * that vanished deleted with {@code finalStateUnknown}, since their deletion was never seen.
   */
  @Override
  public void replace(List<T> objects, String resourceVersion) {
    changes.lock();
    try {
      boolean initial = !hasSynced();
      Map<String, T> previous = store.replace(objects);
      for (T object : objects) {
        T old = previous.remove(ObjectKeys.keyOf(object));
        if (old == null) {
          distributor.added(object, initial);
        } else if (!sameRevision(old, object)) {
          distributor.updated(old, object);
        }
      }
      for (T vanished : previous.values()) {
        distributor.deleted(vanished, true);
      }
      synced.countDown();
    } finally {
      changes.unlock();
    }
  }

  @Override
  public void apply(WatchEvent<T> event) {
    T object = event.object();
    changes.lock();
    try {
      switch (event.type()) {
        case WatchEvent.ADDED, WatchEvent.MODIFIED -> {
          T old = store.put(object);
          if (old == null) {
            distributor.added(object, false);
          } else {
            distributor.updated(old, object);
          }
        }
        case WatchEvent.DELETED -> {
          if (store.remove(ObjectKeys.keyOf(object)) != null) {
            distributor.deleted(object, false);
          }
        }
        default -> {
          // BOOKMARK and unknown types change nothing in the cache.
        }
      }
    } finally {
      changes.unlock();
    }
  }

  /** Re-delivers every cached object as {@code onUpdate(o, o)}. */
  public void resync() {
    changes.lock();
    try {
      for (T object : store.list()) {
        distributor.updated(object, object);
      }
    } finally {
      changes.unlock();
    }
  }

  public void shutDown() {
    distributor.shutDown();
  }

  private static boolean sameRevision(ApiObject a, ApiObject b) {
    String revision = a.metadata().resourceVersion();
    return revision != null
        ? revision.equals(b.metadata().resourceVersion())
        : Objects.equals(a, b);
  }
}
