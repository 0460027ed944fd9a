/**
 * Pods as workload controllers see them: {@link io.cetus.replication.pod.PodTemplates} makes the
 * pod a workload's template describes, {@link io.cetus.replication.pod.PodDeletionOrder} picks
 * which pods go first when a workload has too many.
 */
@NullMarked
package io.cetus.replication.pod;

import org.jspecify.annotations.NullMarked;
