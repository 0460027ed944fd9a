package io.cetus.objectstore.store.redis;

import io.cetus.api.resource.ResourceType;

/**
 * The Redis layout shared with platform-client's watch source. Every key carries the hash tag
 * {@code {cetus}}, so all of them live in one cluster slot and one script may touch any of them.
 */
final class RedisKeys {

  static final String REVISION = "{cetus}:rev";
  static final String COMPACTED = "{cetus}:compacted";

  private RedisKeys() {}

  /** {@code {cetus}:obj:<res>:}; the object key is this plus {@code <ns>:<name>}. */
  static String objectPrefix(ResourceType type) {
    return "{cetus}:obj:" + type.qualifiedPlural() + ":";
  }

  static String object(ResourceType type, String namespace, String name) {
    return objectPrefix(type) + namespace + ":" + name;
  }

  /** Sorted set of {@code <ns>/<name>}, all scores 0, for lexicographic listing. */
  static String index(ResourceType type) {
    return "{cetus}:idx:" + type.qualifiedPlural();
  }

  /** Set of the values claimed in an allocation pool, e.g. {@code {cetus}:alloc:service-ips}. */
  static String allocation(String pool) {
    return "{cetus}:alloc:" + pool;
  }

  /** Stream of changes, entry ID {@code <revision>-0}, fields {@code type} and {@code object}. */
  static String events(ResourceType type) {
    return "{cetus}:events:" + type.qualifiedPlural();
  }
}
