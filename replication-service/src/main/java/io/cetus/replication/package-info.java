/** The replication-service. */
@NullMarked
package io.cetus.replication;

import org.jspecify.annotations.NullMarked;
