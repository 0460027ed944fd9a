/**
 * The Redis watch source of control-plane services: list through the API, then follow the object
 * store's per-resource Redis Stream from the list's revision, as the store's own HTTP watches do.
 * Reads the keys the store writes ({@code {cetus}:events:<resource>}, {@code {cetus}:rev}, {@code
 * {cetus}:compacted}) and never writes any.
 */
@NullMarked
package io.cetus.client.redis;

import org.jspecify.annotations.NullMarked;
