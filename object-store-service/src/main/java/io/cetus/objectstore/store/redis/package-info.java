/**
 * The object store on Redis: one Lua script per write, one stream reader per resource type fanning
 * out to in-process watchers, compaction by {@code XTRIM MINID}. The only package that touches
 * Redis.
 */
@NullMarked
package io.cetus.objectstore.store.redis;

import org.jspecify.annotations.NullMarked;
