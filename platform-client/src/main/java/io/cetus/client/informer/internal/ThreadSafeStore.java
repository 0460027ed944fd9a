package io.cetus.client.informer.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.jspecify.annotations.Nullable;

import io.cetus.api.meta.ApiObject;

/**
 * The objects of an informer by key, with an index by namespace so that listing one namespace does
 * not scan the others. Many readers, one writer at a time; readers never see an object in one map
 * and not the other.
 */
public final class ThreadSafeStore<T extends ApiObject> {

  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final Map<String, T> byKey = new HashMap<>();
  private final Map<String, Map<String, T>> byNamespace = new HashMap<>();

  public @Nullable T get(String key) {
    lock.readLock().lock();
    try {
      return byKey.get(key);
    } finally {
      lock.readLock().unlock();
    }
  }

  public List<T> list() {
    lock.readLock().lock();
    try {
      return List.copyOf(byKey.values());
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The objects of {@code namespace}; {@code ""} holds the cluster-scoped ones. */
  public List<T> listNamespace(String namespace) {
    lock.readLock().lock();
    try {
      Map<String, T> objects = byNamespace.get(namespace);
      return objects == null ? List.of() : List.copyOf(objects.values());
    } finally {
      lock.readLock().unlock();
    }
  }

  public int size() {
    lock.readLock().lock();
    try {
      return byKey.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Stores {@code object}, returning the object it replaced. */
  public @Nullable T put(T object) {
    lock.writeLock().lock();
    try {
      return putLocked(object);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Removes the object under {@code key}, returning it. */
  public @Nullable T remove(String key) {
    lock.writeLock().lock();
    try {
      T removed = byKey.remove(key);
      if (removed != null) {
        String namespace = ObjectKeys.namespaceOf(removed);
        Map<String, T> objects = byNamespace.get(namespace);
        if (objects != null) {
          objects.remove(key);
          if (objects.isEmpty()) {
            byNamespace.remove(namespace);
          }
        }
      }
      return removed;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Replaces the whole content with {@code objects}, returning the previous content by key. */
  public Map<String, T> replace(Collection<T> objects) {
    lock.writeLock().lock();
    try {
      Map<String, T> previous = new HashMap<>(byKey);
      byKey.clear();
      byNamespace.clear();
      for (T object : objects) {
        putLocked(object);
      }
      return previous;
    } finally {
      lock.writeLock().unlock();
    }
  }

  private @Nullable T putLocked(T object) {
    // The key includes the namespace, so a replaced object is always in the same index bucket.
    String key = ObjectKeys.keyOf(object);
    byNamespace
        .computeIfAbsent(ObjectKeys.namespaceOf(object), ns -> new HashMap<>())
        .put(key, object);
    return byKey.put(key, object);
  }
}
