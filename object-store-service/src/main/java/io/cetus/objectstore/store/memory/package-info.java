/**
 * The object store in memory: a real implementation of the same contract as the Redis one, for unit
 * tests and single-process runs, with hooks to inject failures.
 */
@NullMarked
package io.cetus.objectstore.store.memory;

import org.jspecify.annotations.NullMarked;
