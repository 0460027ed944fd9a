package io.cetus.nodeagent.hollow;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import io.cetus.api.core.Pod;
import io.cetus.client.informer.Lister;
import io.cetus.controller.reconcile.Reconciler;
import io.cetus.controller.reconcile.Request;
import io.cetus.controller.reconcile.Result;
import io.cetus.nodeagent.pod.PodReconciler;

/**
 * The one reconciler of the shared pod queue: hands each pod to the reconciler of the hollow node
 * it is bound to ({@code spec.nodeName}), and ignores pods of other nodes. A pod that left the
 * cache goes to the node it was last seen on, so that node removes its containers.
 */
final class HollowPodDispatcher implements Reconciler {

  private final Lister<Pod> pods;
  private final Map<String, PodReconciler> byNode;
  private final Map<String, String> nodeOfPod = new ConcurrentHashMap<>();

  HollowPodDispatcher(Lister<Pod> pods, Map<String, PodReconciler> byNode) {
    this.pods = pods;
    this.byNode = Map.copyOf(byNode);
  }

  @Override
  public Result reconcile(Request request) {
    String key = Objects.requireNonNullElse(request.namespace(), "") + "/" + request.name();
    Pod pod = pods.get(request.namespace(), request.name()).orElse(null);
    String node = pod == null ? nodeOfPod.get(key) : pod.spec().nodeName();
    PodReconciler reconciler = node == null ? null : byNode.get(node);
    if (reconciler == null) {
      return Result.DONE;
    }
    if (pod != null) {
      nodeOfPod.put(key, Objects.requireNonNull(node));
    }
    Result result = reconciler.reconcile(request);
    if (pod == null) {
      nodeOfPod.remove(key);
    }
    return result;
  }
}
