/**
 * The deployment-service: the Deployment controller. {@link
 * io.cetus.deployment.DeploymentController} rolls each Deployment's pod template out through one
 * ReplicaSet per template (RollingUpdate or Recreate), keeps the revision history, rolls back by
 * template, and reports the rollout in the Deployment's status as {@code kubectl rollout status}
 * reads it; the platform starter runs it while this replica leads.
 */
@NullMarked
package io.cetus.deployment;

import org.jspecify.annotations.NullMarked;
