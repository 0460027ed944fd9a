/**
 * The replication-service: workload controllers that keep a number of pods running from a template.
 * {@link io.cetus.replication.ReplicaSetController} keeps each ReplicaSet's pods at its replica
 * count, adopting and releasing pods by label; the platform starter runs it while this replica
 * leads.
 */
@NullMarked
package io.cetus.replication;

import org.jspecify.annotations.NullMarked;
