package io.cetus.nodeagent.pod;

import io.cetus.api.core.Pod;
import io.cetus.client.informer.SharedInformer;
import io.cetus.controller.Controller;

/**
 * The pod side of a node agent: the controller that runs the node's pods, its reconciler (for
 * orphan collection) and the informer of the pods bound to the node.
 */
public record PodAgent(Controller controller, PodReconciler reconciler, SharedInformer<Pod> pods) {}
