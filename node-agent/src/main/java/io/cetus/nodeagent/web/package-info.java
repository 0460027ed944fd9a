/**
 * The agent's own HTTP API, the per-pod streams the gateway routes to the pod's node: {@code GET
 * /api/v1/namespaces/{ns}/pods/{name}/log}, and {@code exec} and {@code attach} on the same path
 * over WebSocket ({@code v5.channel.k8s.io}, {@code v4.channel.k8s.io}). Errors are Kubernetes
 * {@code Status} objects.
 */
@NullMarked
package io.cetus.nodeagent.web;

import org.jspecify.annotations.NullMarked;
