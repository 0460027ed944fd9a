package io.cetus.objectstore.store.memory;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.cetus.objectstore.store.AllocationStore;

/**
 * {@link AllocationStore} in the process's memory, for the memory backend and unit tests. One lock
 * guards every pool, so each method is atomic.
 */
public final class InMemoryAllocationStore implements AllocationStore {

  private final Map<String, Set<String>> pools = new HashMap<>();

  @Override
  public synchronized boolean claim(String pool, String value) {
    return pool(pool).add(value);
  }

  @Override
  public synchronized Optional<String> claimFirstFree(String pool, List<String> candidates) {
    Set<String> claimed = pool(pool);
    for (String candidate : candidates) {
      if (claimed.add(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  @Override
  public synchronized long claimAll(String pool, Collection<String> values) {
    Set<String> claimed = pool(pool);
    return values.stream().filter(claimed::add).count();
  }

  @Override
  public synchronized void release(String pool, Collection<String> values) {
    pool(pool).removeAll(values);
  }

  @Override
  public synchronized Set<String> claimed(String pool) {
    return Set.copyOf(pool(pool));
  }

  private Set<String> pool(String name) {
    return pools.computeIfAbsent(name, ignored -> new HashSet<>());
  }
}
