/**
 * Runs the pods bound to this node: {@code PodReconciler} turns each pod into a sandbox container
 * plus its init and app containers on the {@code ContainerRuntime}, restarts them per the pod's
 * restart policy with back-off, reports {@code PodStatus}, tears pods down gracefully when they are
 * deleted, and removes containers of pods that are gone. All state is read back from the runtime by
 * labels, so an agent restarted after a crash adopts the containers it left running.
 */
@NullMarked
package io.cetus.nodeagent.pod;

import org.jspecify.annotations.NullMarked;
