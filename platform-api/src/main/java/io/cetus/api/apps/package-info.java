/** The {@code apps/v1} workloads: Deployment, ReplicaSet, DaemonSet and StatefulSet. */
@NullMarked
package io.cetus.api.apps;

import org.jspecify.annotations.NullMarked;
