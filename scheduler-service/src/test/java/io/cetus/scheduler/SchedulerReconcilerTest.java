package io.cetus.scheduler;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cetus.api.core.Binding;
import io.cetus.api.core.Event;
import io.cetus.api.core.Node;
import io.cetus.api.core.ObjectReference;
import io.cetus.api.core.Pod;
import io.cetus.api.core.PodCondition;
import io.cetus.api.meta.Condition;
import io.cetus.api.meta.ObjectMeta;
import io.cetus.client.DeleteOptions;
import io.cetus.client.ObjectClient;
import io.cetus.client.informer.Lister;
import io.cetus.client.informer.SharedInformerFactory;
import io.cetus.controller.ControllerManager;
import io.cetus.controller.event.EventRecorder;
import io.cetus.controller.reconcile.Request;
import io.cetus.controller.reconcile.Result;
import io.cetus.controller.workqueue.DefaultWorkQueue;
import io.cetus.scheduler.bind.ApiBinder;
import io.cetus.scheduler.cache.SchedulerCache;
import io.cetus.testsupport.client.FakeApiClient;

import static io.cetus.scheduler.Fixtures.NAMESPACE;
import static io.cetus.scheduler.Fixtures.cordoned;
import static io.cetus.scheduler.Fixtures.node;
import static io.cetus.scheduler.Fixtures.ownedBy;
import static io.cetus.scheduler.Fixtures.pod;
import static io.cetus.scheduler.Fixtures.requesting;
import static io.cetus.scheduler.Fixtures.withHostPort;
import static io.cetus.scheduler.Fixtures.withLabel;
import static io.cetus.scheduler.Fixtures.withNodeSelector;
import static io.cetus.scheduler.Fixtures.withReady;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SchedulerReconcilerTest {

  private static final Duration DEADLINE = Duration.ofSeconds(10);

  private final FakeApiClient api = new FakeApiClient();
  private final ObjectClient<Pod> pods = api.forType(Pod.class);
  private final ObjectClient<Node> nodes = api.forType(Node.class);
  private final SharedInformerFactory informers = new SharedInformerFactory(api);
  private final ControllerManager manager = new ControllerManager();

  @AfterEach
  void stop() {
    manager.stop();
    informers.stop();
  }

  @Test
  void bindsAPodToTheOnlyNodeItFits() throws Exception {
    nodes.create(node("small", "4", "1Gi"));
    nodes.create(node("big", "4", "8Gi"));
    startScheduler();

    pods.create(requesting(pod("web"), "1", "4Gi"));

    assertThat(awaitBound("web")).isEqualTo("big");
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () ->
                assertThat(events("web", SchedulerReconciler.REASON_SCHEDULED))
                    .singleElement()
                    .satisfies(
                        event -> {
                          assertThat(event.message())
                              .isEqualTo("Successfully assigned default/web to big");
                          assertThat(event.type()).isEqualTo(Event.TYPE_NORMAL);
                          assertThat(event.source().component()).isEqualTo("default-scheduler");
                        }));
  }

  @Test
  void spreadsTwoPodsOfOneReplicaSetOverTwoNodes() throws Exception {
    // the big node would take both if only free room counted
    nodes.create(node("big", "16", "32Gi"));
    nodes.create(node("small", "2", "4Gi"));
    startScheduler();

    pods.create(ownedBy(pod("web-a"), "web", "rs-uid"));
    pods.create(ownedBy(pod("web-b"), "web", "rs-uid"));

    assertThat(List.of(awaitBound("web-a"), awaitBound("web-b")))
        .containsExactlyInAnyOrder("big", "small");
  }

  @Test
  void podTooBigForEveryNodeStaysPendingAndIsBoundOnceABigEnoughNodeAppears() throws Exception {
    nodes.create(node("small", "4", "1Gi"));
    startScheduler();

    pods.create(requesting(pod("huge"), "1", "16Gi"));

    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () ->
                assertThat(events("huge", SchedulerReconciler.REASON_FAILED_SCHEDULING))
                    .singleElement()
                    .satisfies(
                        event -> {
                          assertThat(event.type()).isEqualTo(Event.TYPE_WARNING);
                          assertThat(event.message())
                              .isEqualTo("0/1 nodes are available: 1 Insufficient memory.");
                          assertThat(event.firstTimestamp()).isNotNull();
                          assertThat(event.count()).isPositive();
                        }));
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              Pod pending = pods.get(NAMESPACE, "huge").orElseThrow();
              assertThat(pending.spec().nodeName()).isNull();
              assertThat(Condition.find(pending.status().conditions(), PodCondition.POD_SCHEDULED))
                  .hasValueSatisfying(
                      scheduled -> {
                        assertThat(scheduled.status()).isEqualTo(Condition.FALSE);
                        assertThat(scheduled.reason()).isEqualTo("Unschedulable");
                        assertThat(scheduled.message())
                            .isEqualTo("0/1 nodes are available: 1 Insufficient memory.");
                      });
            });

    nodes.create(node("huge-node", "4", "32Gi"));

    assertThat(awaitBound("huge")).isEqualTo("huge-node");
  }

  @Test
  void podIsNotBoundWhereItsHostPortIsTaken() throws Exception {
    nodes.create(node("n1", "4", "8Gi"));
    nodes.create(node("n2", "4", "8Gi"));
    pods.create(withHostPort(pod("first"), 8080));
    bindByHand("first", "n1");
    startScheduler();

    pods.create(withHostPort(pod("second"), 8080));

    assertThat(awaitBound("second")).isEqualTo("n2");
  }

  @Test
  void podGoesToTheNodeItsNodeSelectorNames() throws Exception {
    nodes.create(node("plain", "4", "8Gi"));
    nodes.create(withLabel(node("fast", "4", "8Gi"), "disk", "ssd"));
    startScheduler();

    pods.create(withNodeSelector(pod("db"), Map.of("disk", "ssd")));

    assertThat(awaitBound("db")).isEqualTo("fast");
  }

  @Test
  void cordonedNodeIsSkipped() throws Exception {
    nodes.create(cordoned(node("cordoned", "64", "256Gi")));
    nodes.create(node("open", "1", "1Gi"));
    startScheduler();

    pods.create(pod("web"));

    assertThat(awaitBound("web")).isEqualTo("open");
  }

  @Test
  void notReadyNodeIsSkipped() throws Exception {
    nodes.create(withReady(node("down", "64", "256Gi"), Condition.UNKNOWN));
    nodes.create(node("up", "1", "1Gi"));
    startScheduler();

    pods.create(pod("web"));

    assertThat(awaitBound("web")).isEqualTo("up");
  }

  @Test
  void pendingPodTakesTheRoomADeletedPodFrees() throws Exception {
    nodes.create(node("only", "4", "4Gi"));
    pods.create(requesting(pod("old"), "1", "3Gi"));
    bindByHand("old", "only");
    startScheduler();
    pods.create(requesting(pod("new"), "1", "3Gi"));
    await()
        .atMost(DEADLINE)
        .until(() -> !events("new", SchedulerReconciler.REASON_FAILED_SCHEDULING).isEmpty());

    pods.delete(NAMESPACE, "old", DeleteOptions.DEFAULT.withGracePeriodSeconds(0L));

    assertThat(awaitBound("new")).isEqualTo("only");
  }

  @Test
  void podOfAnotherSchedulerIsLeftAlone() throws Exception {
    nodes.create(node("n1", "4", "8Gi"));
    startScheduler();
    Pod custom = pod("custom");
    pods.create(custom.withSpec(custom.spec().toBuilder().schedulerName("my-scheduler").build()));
    pods.create(pod("ordinary"));

    awaitBound("ordinary");

    assertThat(pods.get(NAMESPACE, "custom").orElseThrow().spec().nodeName()).isNull();
    assertThat(events("custom", SchedulerReconciler.REASON_FAILED_SCHEDULING)).isEmpty();
  }

  @Test
  void secondPodDecidedBeforeTheCacheShowsTheFirstBindingDoesNotTakeTheSameRoom() throws Exception {
    nodes.create(node("only", "4", "3Gi"));
    pods.create(requesting(pod("first"), "1", "2Gi"));
    pods.create(requesting(pod("second"), "1", "2Gi"));
    var podInformer = informers.forType(Pod.class);
    var nodeInformer = informers.forType(Node.class);
    informers.start();
    assertThat(informers.awaitSynced(DEADLINE)).isTrue();
    informers.stop(); // the caches stay as they are: neither pod bound
    var cache = new SchedulerCache(Clock.systemUTC());
    nodeInformer.lister().list().forEach(cache::addOrUpdateNode);
    podInformer.lister().list().forEach(cache::addPod);
    var reconciler = reconciler(podInformer.lister(), nodeInformer.lister(), cache);

    Result first = reconciler.reconcile(new Request(NAMESPACE, "first"));
    Result second = reconciler.reconcile(new Request(NAMESPACE, "second"));

    assertThat(first.requeue()).isFalse();
    assertThat(pods.get(NAMESPACE, "first").orElseThrow().spec().nodeName()).isEqualTo("only");
    assertThat(second.requeue()).as("retried later").isTrue();
    assertThat(pods.get(NAMESPACE, "second").orElseThrow().spec().nodeName()).isNull();
    assertThat(events("second", SchedulerReconciler.REASON_FAILED_SCHEDULING))
        .extracting(Event::message)
        .containsExactly("0/1 nodes are available: 1 Insufficient memory.");
  }

  @Test
  void firstDecisionWaitsUntilTheCacheHoldsEveryNodeTheNodeInformerKnows() throws Exception {
    nodes.create(node("only", "4", "8Gi"));
    pods.create(pod("web"));
    var podInformer = informers.forType(Pod.class);
    var nodeInformer = informers.forType(Node.class);
    informers.start();
    assertThat(informers.awaitSynced(DEADLINE)).isTrue();
    // the node informer's add has not reached the cache yet
    var cache = new SchedulerCache(Clock.systemUTC());
    var reconciler = reconciler(podInformer.lister(), nodeInformer.lister(), cache);
    var result = new CompletableFuture<Result>();
    Thread worker =
        Thread.ofPlatform()
            .start(
                () -> {
                  try {
                    result.complete(reconciler.reconcile(new Request(NAMESPACE, "web")));
                  } catch (Throwable e) {
                    result.completeExceptionally(e);
                  }
                });
    await()
        .atMost(DEADLINE)
        .until(() -> worker.getState() == Thread.State.TIMED_WAITING || result.isDone());
    assertThat(result).as("decided before the cache showed the node").isNotDone();

    cache.addOrUpdateNode(nodeInformer.lister().get(null, "only").orElseThrow());

    assertThat(result.get(DEADLINE.toSeconds(), TimeUnit.SECONDS).requeue()).isFalse();
    assertThat(pods.get(NAMESPACE, "web").orElseThrow().spec().nodeName()).isEqualTo("only");
    assertThat(events("web", SchedulerReconciler.REASON_FAILED_SCHEDULING)).isEmpty();
  }

  /** The scheduler's reconciler on {@code cache}, binding and recording on the caller's thread. */
  private SchedulerReconciler reconciler(
      Lister<Pod> podLister, Lister<Node> nodeLister, SchedulerCache cache) {
    var unschedulable = new UnschedulablePods();
    var events =
        new AsyncEvents(
            new EventRecorder(api.forType(Event.class), Clock.systemUTC(), "default-scheduler"),
            Runnable::run);
    return new SchedulerReconciler(
        PendingPods.DEFAULT_SCHEDULER,
        podLister,
        nodeLister,
        pods,
        cache,
        SchedulingAlgorithm.withDefaults(new Random(3)),
        new AsyncBinder(
            new ApiBinder(pods),
            cache,
            events,
            unschedulable,
            new DefaultWorkQueue<>(),
            Runnable::run,
            1),
        events,
        unschedulable,
        Clock.systemUTC());
  }

  private void startScheduler() throws InterruptedException {
    manager.add(informers);
    manager.add(
        SchedulerController.create(
            PendingPods.DEFAULT_SCHEDULER,
            informers,
            api,
            Clock.systemUTC(),
            new Random(7),
            UnaryOperator.identity()));
    manager.start(DEADLINE);
  }

  private String awaitBound(String pod) {
    return await()
        .atMost(DEADLINE)
        .until(
            () -> pods.get(NAMESPACE, pod).map(p -> p.spec().nodeName()).orElse(null),
            node -> node != null);
  }

  private void bindByHand(String pod, String node) {
    pods.createSubresource(
        NAMESPACE,
        pod,
        "binding",
        new Binding(
            null,
            null,
            ObjectMeta.named(NAMESPACE, pod),
            new ObjectReference("Node", null, node, null, "v1", null, null)));
  }

  private List<Event> events(String pod, String reason) {
    return api.forType(Event.class).list(NAMESPACE).items().stream()
        .filter(event -> pod.equals(event.involvedObject().name()))
        .filter(event -> reason.equals(event.reason()))
        .toList();
  }
}
