/** Versioned object storage with ordered change streams: the seam between the API and Redis. */
@NullMarked
package io.cetus.objectstore.store;

import org.jspecify.annotations.NullMarked;
