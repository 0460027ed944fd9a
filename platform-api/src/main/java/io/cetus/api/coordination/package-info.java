/** The {@code coordination.k8s.io/v1} Lease, used for node heartbeats and leader election. */
@NullMarked
package io.cetus.api.coordination;

import org.jspecify.annotations.NullMarked;
