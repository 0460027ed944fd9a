package io.cetus.controller.handler;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.cetus.api.core.ConfigMap;
import io.cetus.api.meta.OwnerReference;
import io.cetus.client.informer.ResourceEventHandler;
import io.cetus.controller.reconcile.Request;
import io.cetus.controller.workqueue.DefaultWorkQueue;

import static io.cetus.controller.ConfigMaps.configMap;
import static io.cetus.controller.ConfigMaps.ownedBy;
import static org.assertj.core.api.Assertions.assertThat;

class EventHandlersTest {

  private final DefaultWorkQueue<Request> queue = new DefaultWorkQueue<>();

  @Test
  void enqueueSelfEnqueuesTheObjectOnEveryEvent() throws InterruptedException {
    ResourceEventHandler<ConfigMap> handler =
        EventHandlers.<ConfigMap>enqueueSelf().enqueuingInto(queue);

    handler.onAdd(configMap("ns", "a"), true);
    handler.onUpdate(configMap("ns", "b"), configMap("ns", "b"));
    handler.onDelete(configMap("ns", "c"), true);

    assertThat(drain())
        .containsExactly(new Request("ns", "a"), new Request("ns", "b"), new Request("ns", "c"));
  }

  @Test
  void enqueueSelfHandsADeletedObjectOnBeforeEnqueuingIt() throws InterruptedException {
    List<String> forgotten = new ArrayList<>();
    ResourceEventHandler<ConfigMap> handler =
        EventHandlers.<ConfigMap>enqueueSelf(
                cm -> {
                  // before it is queued, so no worker reconciles it first
                  assertThat(queue.length()).isZero();
                  forgotten.add(cm.metadata().name());
                })
            .enqueuingInto(queue);

    handler.onDelete(configMap("ns", "gone"), false);
    assertThat(forgotten).containsExactly("gone");
    handler.onAdd(configMap("ns", "a"), false);
    handler.onUpdate(configMap("ns", "b"), configMap("ns", "b"));

    assertThat(forgotten).containsExactly("gone");
    assertThat(drain())
        .containsExactly(new Request("ns", "gone"), new Request("ns", "a"), new Request("ns", "b"));
  }

  @Test
  void enqueueOwnerEnqueuesTheControllingOwnerOfThatKindOnly() throws InterruptedException {
    ResourceEventHandler<ConfigMap> handler =
        EventHandlers.<ConfigMap>enqueueOwner("ReplicaSet").enqueuingInto(queue);

    handler.onAdd(ownedBy("ns", "pod-1", controller("ReplicaSet", "web")), false);
    handler.onAdd(ownedBy("ns", "pod-2", notController("ReplicaSet", "other")), false);
    handler.onAdd(ownedBy("ns", "pod-3", controller("Job", "batch")), false);
    handler.onAdd(configMap("ns", "orphan"), false);

    assertThat(drain()).containsExactly(new Request("ns", "web"));
  }

  @Test
  void enqueueOwnerReachesTheOldAndTheNewOwnerWhenOwnershipChanges() throws InterruptedException {
    ResourceEventHandler<ConfigMap> handler =
        EventHandlers.<ConfigMap>enqueueOwner("ReplicaSet").enqueuingInto(queue);

    handler.onUpdate(
        ownedBy("ns", "pod", controller("ReplicaSet", "old")),
        ownedBy("ns", "pod", controller("ReplicaSet", "new")));

    assertThat(drain()).containsExactly(new Request("ns", "old"), new Request("ns", "new"));
  }

  @Test
  void enqueueOwnerOfAClusterScopedKindHasNoNamespace() throws InterruptedException {
    ResourceEventHandler<ConfigMap> handler =
        EventHandlers.<ConfigMap>enqueueOwner("Node").enqueuingInto(queue);

    handler.onAdd(
        ownedBy("ns", "pod", new OwnerReference("v1", "Node", "node-1", "uid", true, null)), false);

    assertThat(drain()).containsExactly(new Request(null, "node-1"));
  }

  @Test
  void enqueueMappedEnqueuesWhatTheMappingNames() throws InterruptedException {
    ResourceEventHandler<ConfigMap> handler =
        EventHandlers.<ConfigMap>enqueueMapped(
                cm ->
                    List.of(
                        new Request(cm.metadata().namespace(), "svc-1"),
                        new Request(cm.metadata().namespace(), "svc-2")))
            .enqueuingInto(queue);

    handler.onDelete(configMap("ns", "pod"), false);

    assertThat(drain()).containsExactly(new Request("ns", "svc-1"), new Request("ns", "svc-2"));
  }

  private static OwnerReference controller(String kind, String name) {
    return new OwnerReference("apps/v1", kind, name, "uid-" + name, true, true);
  }

  private static OwnerReference notController(String kind, String name) {
    return new OwnerReference("apps/v1", kind, name, "uid-" + name, false, null);
  }

  private List<Request> drain() throws InterruptedException {
    List<Request> requests = new ArrayList<>();
    while (queue.length() > 0) {
      Request request = queue.take().orElseThrow();
      requests.add(request);
      queue.done(request);
    }
    return requests;
  }
}
