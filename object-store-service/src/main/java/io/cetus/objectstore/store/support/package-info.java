/**
 * What the object store implementations share: the shape and addressing of stored objects, and the
 * watch feed that replays history and then live changes to one watcher without gaps or repeats.
 */
@NullMarked
package io.cetus.objectstore.store.support;

import org.jspecify.annotations.NullMarked;
