/**
 * Where a pod's {@code log}, {@code exec}, {@code attach} and {@code portforward} requests go: the
 * node agent that runs the pod. {@link io.cetus.gateway.podstream.PodStreamTargets} reads the pod
 * and its Node from the object store and answers with the agent's address; the {@code
 * PodStreamTarget} route filter points the request there.
 */
@NullMarked
package io.cetus.gateway.podstream;

import org.jspecify.annotations.NullMarked;
