/**
 * The endpoints controller, as Kubernetes' {@code endpoints-controller}: it keeps one {@code
 * Endpoints} object per Service with a selector, listing the selected pods' addresses (ready ones
 * under {@code addresses}, the others under {@code notReadyAddresses}) with each service port's
 * target port resolved on the pod. {@link io.cetus.serviceproxy.endpoints.EndpointsController}
 * wires it; {@link io.cetus.serviceproxy.endpoints.EndpointsReconciler} decides what to write.
 */
@NullMarked
package io.cetus.serviceproxy.endpoints;

import org.jspecify.annotations.NullMarked;
