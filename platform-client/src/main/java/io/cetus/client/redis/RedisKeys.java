package io.cetus.client.redis;

import io.cetus.api.resource.ResourceType;

/** The object store's Redis keys that watches read; every key carries the {@code {cetus}} tag. */
final class RedisKeys {

  /** The global revision counter. */
  static final String REVISION = "{cetus}:rev";

  /** The revision below which event streams have been trimmed; absent means 0. */
  static final String COMPACTED = "{cetus}:compacted";

  private RedisKeys() {}

  /** The stream of changes of one resource; entry IDs are {@code <revision>-0}. */
  static String events(ResourceType type) {
    return "{cetus}:events:" + type.qualifiedPlural();
  }
}
