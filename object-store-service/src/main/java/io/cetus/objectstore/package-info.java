/** The object-store-service. */
@NullMarked
package io.cetus.objectstore;

import org.jspecify.annotations.NullMarked;
