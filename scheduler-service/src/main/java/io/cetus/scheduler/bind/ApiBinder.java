package io.cetus.scheduler.bind;

import io.cetus.api.core.Binding;
import io.cetus.api.core.Node;
import io.cetus.api.core.ObjectReference;
import io.cetus.api.core.Pod;
import io.cetus.api.meta.ObjectMeta;
import io.cetus.client.ObjectClient;

/**
 * Binds through {@code POST /api/v1/namespaces/{ns}/pods/{name}/binding}, as kube-scheduler does:
 * the server sets {@code spec.nodeName} and the {@code PodScheduled} condition in one write, and
 * refuses a pod that is bound already. The binding carries the pod's uid as a precondition.
 */
public final class ApiBinder implements Binder {

  private final ObjectClient<Pod> pods;

  public ApiBinder(ObjectClient<Pod> pods) {
    this.pods = pods;
  }

  @Override
  public void bind(Pod pod, String node) {
    ObjectMeta podMeta = pod.metadata();
    ObjectMeta metadata =
        new ObjectMeta(
            podMeta.name(),
            null,
            podMeta.namespace(),
            podMeta.uid(),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    var target = new ObjectReference(Node.KIND, null, node, null, Node.API_VERSION, null, null);
    pods.createSubresource(
        podMeta.namespace(),
        String.valueOf(podMeta.name()),
        "binding",
        new Binding(null, null, metadata, target));
  }
}
