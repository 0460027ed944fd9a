package io.cetus.api.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import io.cetus.api.meta.ObjectMeta;

/**
 * Defensive copies for the compact constructors of the model records.
 *
 * <p>Maps are copied into key order, so an object always serializes the same way (as Kubernetes
 * writes maps sorted by key); {@code Map.copyOf} would iterate in an order that changes from one
 * JVM to the next, which breaks anything that hashes or compares serialized objects.
 */
public final class Copies {

  private static final ObjectMeta EMPTY_METADATA =
      new ObjectMeta(null, null, null, null, null, null, null, null, null, null, null, null, null);

  private Copies() {}

  /** An unmodifiable copy, empty for {@code null}; elements must not be null. */
  public static <T> List<T> list(@Nullable List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }

  /**
   * An unmodifiable key-ordered copy, empty for {@code null}. A null value becomes {@code ""}, as a
   * JSON {@code null} does in a Kubernetes string map.
   */
  public static SortedMap<String, String> stringMap(@Nullable Map<String, String> map) {
    if (map == null || map.isEmpty()) {
      return Collections.emptySortedMap();
    }
    TreeMap<String, String> copy = new TreeMap<>();
    map.forEach(
        (key, value) ->
            copy.put(Objects.requireNonNull(key, "map key"), value == null ? "" : value));
    return Collections.unmodifiableSortedMap(copy);
  }

  /** An unmodifiable key-ordered copy, empty for {@code null}; values must not be null. */
  public static <V> SortedMap<String, V> map(@Nullable Map<String, V> map) {
    if (map == null || map.isEmpty()) {
      return Collections.emptySortedMap();
    }
    TreeMap<String, V> copy = new TreeMap<>();
    map.forEach(
        (key, value) ->
            copy.put(
                Objects.requireNonNull(key, "map key"),
                Objects.requireNonNull(value, () -> "null value for key " + key)));
    return Collections.unmodifiableSortedMap(copy);
  }

  /**
   * A read-only shallow copy of free-form JSON (fields the model keeps untyped, such as {@code
   * affinity}), in its original order; {@code null} stays {@code null} and null values are kept.
   */
  public static @Nullable Map<String, Object> json(@Nullable Map<String, Object> map) {
    return map == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /** The metadata, or empty metadata when a manifest had none. */
  public static ObjectMeta metadata(@Nullable ObjectMeta metadata) {
    return metadata != null ? metadata : EMPTY_METADATA;
  }
}
