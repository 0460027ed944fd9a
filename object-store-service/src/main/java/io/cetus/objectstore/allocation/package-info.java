/**
 * Cluster IPs and node ports of Services, allocated as Kubernetes' API server does: from ranges set
 * by configuration, claimed atomically in the {@link io.cetus.objectstore.store.AllocationStore}
 * (shared by every store replica), taken on create and update, given back on delete, and rebuilt
 * from the stored Services by a periodic repair pass. {@link ServiceAllocations} is what the write
 * path calls; {@link AllocationRepair} is the repair pass.
 */
@NullMarked
package io.cetus.objectstore.allocation;

import org.jspecify.annotations.NullMarked;
