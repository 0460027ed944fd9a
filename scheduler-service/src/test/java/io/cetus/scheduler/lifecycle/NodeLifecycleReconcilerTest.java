package io.cetus.scheduler.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cetus.api.coordination.Lease;
import io.cetus.api.coordination.LeaseSpec;
import io.cetus.api.core.Binding;
import io.cetus.api.core.Event;
import io.cetus.api.core.Node;
import io.cetus.api.core.NodeCondition;
import io.cetus.api.core.NodeStatus;
import io.cetus.api.core.ObjectReference;
import io.cetus.api.core.Pod;
import io.cetus.api.core.Taint;
import io.cetus.api.core.Toleration;
import io.cetus.api.meta.Condition;
import io.cetus.api.meta.ObjectMeta;
import io.cetus.client.ObjectClient;
import io.cetus.client.informer.SharedInformer;
import io.cetus.client.informer.SharedInformerFactory;
import io.cetus.controller.event.EventRecorder;
import io.cetus.controller.reconcile.Request;
import io.cetus.controller.reconcile.Result;
import io.cetus.testsupport.client.FakeApiClient;
import io.cetus.testsupport.time.MutableClock;

import static io.cetus.scheduler.Fixtures.NAMESPACE;
import static io.cetus.scheduler.Fixtures.node;
import static io.cetus.scheduler.Fixtures.pod;
import static io.cetus.scheduler.Fixtures.tolerating;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class NodeLifecycleReconcilerTest {

  private static final Duration GRACE = Duration.ofSeconds(20);
  private static final Duration EVICTION = Duration.ofSeconds(10);
  private static final Duration MONITOR = Duration.ofSeconds(5);
  private static final Request NODE = new Request(null, "n1");

  private final MutableClock clock = new MutableClock();
  private final FakeApiClient api = new FakeApiClient(clock);
  private final ObjectClient<Node> nodes = api.forType(Node.class);
  private final ObjectClient<Lease> leases = api.forType(Lease.class);
  private final ObjectClient<Pod> pods = api.forType(Pod.class);
  private final SharedInformerFactory informers = new SharedInformerFactory(api);
  private final SharedInformer<Node> nodeCache = informers.forType(Node.class);
  private final SharedInformer<Lease> leaseCache = informers.forType(Lease.class);
  private final SharedInformer<Pod> podCache = informers.forType(Pod.class);
  private final NodeLifecycleReconciler reconciler =
      new NodeLifecycleReconciler(
          nodeCache.lister(),
          leaseCache.lister(),
          podCache.lister(),
          nodes,
          pods,
          new EventRecorder(api.forType(Event.class), clock, NodeLifecycleController.COMPONENT),
          new NodeLifecycleSettings(GRACE, EVICTION, MONITOR),
          clock);
  private Instant renewed;

  @BeforeEach
  void nodeWithALeaseAndTwoPods() throws Exception {
    nodes.create(node("n0", "4", "8Gi")); // a healthy neighbour, so evictions have somewhere to go
    nodes.create(node("n1", "4", "8Gi"));
    renewed = clock.instant();
    leases.create(
        new Lease(
            null,
            null,
            ObjectMeta.named("kube-node-lease", "n1"),
            new LeaseSpec("n1", 40, null, renewed, null)));
    createBound(pod("web-1"));
    createBound(pod("web-2"));
    informers.start();
    assertThat(informers.awaitSynced(Duration.ofSeconds(5))).isTrue();
    reconciler.reconcile(NODE); // the controller sees the node as it is created
  }

  @AfterEach
  void stopInformers() {
    informers.stop();
  }

  @Test
  void nodeWhoseLeaseIsFreshIsLeftAloneAndLookedAtAgainWhenItWouldExpire() {
    clock.advance(GRACE.minusSeconds(2));

    Result result = reconciler.reconcile(NODE);

    assertThat(readiness()).isEqualTo(Condition.TRUE);
    assertThat(unreachableTaint()).isEmpty();
    assertThat(result.requeueAfter()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void expiredLeaseTurnsTheNodeUnknownAndTaintsItButKeepsItsPodsForNow() {
    clock.advance(GRACE.plusSeconds(1));

    Result result = reconciler.reconcile(NODE);

    Node node = nodes.get(null, "n1").orElseThrow();
    NodeCondition ready =
        Condition.find(node.status().conditions(), NodeCondition.READY).orElseThrow();
    assertThat(ready.status()).isEqualTo(Condition.UNKNOWN);
    assertThat(ready.reason()).isEqualTo("NodeStatusUnknown");
    assertThat(unreachableTaint())
        .hasValueSatisfying(
            taint -> {
              assertThat(taint.effect()).isEqualTo("NoExecute");
              assertThat(taint.timeAdded()).isEqualTo(clock.instant());
            });
    assertThat(pods.list(NAMESPACE).items()).hasSize(2);
    assertThat(result.requeueAfter()).isEqualTo(MONITOR);
  }

  @Test
  void podsAreEvictedOnceTheEvictionTimeoutHasPassedSinceTheTaint() {
    clock.advance(GRACE.plusSeconds(1));
    reconciler.reconcile(NODE);
    awaitNodeCache(node -> !node.spec().taints().isEmpty());

    clock.advance(EVICTION.minusSeconds(1));
    Result early = reconciler.reconcile(NODE);
    assertThat(pods.list(NAMESPACE).items()).hasSize(2);
    assertThat(early.requeueAfter()).isEqualTo(Duration.ofSeconds(1));

    clock.advance(Duration.ofSeconds(1));
    reconciler.reconcile(NODE);

    assertThat(pods.list(NAMESPACE).items()).isEmpty();
    assertThat(api.forType(Event.class).list(NAMESPACE).items())
        .filteredOn(event -> "TaintManagerEviction".equals(event.reason()))
        .extracting(Event::message)
        .containsExactlyInAnyOrder(
            "Marking for deletion Pod default/web-1", "Marking for deletion Pod default/web-2");
  }

  @Test
  void podToleratingTheUnreachableTaintIsNotEvicted() {
    createBound(
        tolerating(
            pod("agent"),
            new Toleration("node.kubernetes.io/unreachable", "Exists", null, "NoExecute", null)));
    await().atMost(Duration.ofSeconds(5)).until(() -> podCache.lister().list().size() == 3);
    clock.advance(GRACE.plusSeconds(1));
    reconciler.reconcile(NODE);
    awaitNodeCache(node -> !node.spec().taints().isEmpty());

    clock.advance(EVICTION.plusMinutes(10));
    reconciler.reconcile(NODE);

    assertThat(pods.list(NAMESPACE).items())
        .extracting(pod -> pod.metadata().name())
        .containsExactly("agent");
  }

  @Test
  void podToleratingTheUnreachableTaintForZeroSecondsIsEvictedWithTheTaint() {
    createBound(
        tolerating(
            pod("fast"),
            new Toleration("node.kubernetes.io/unreachable", "Exists", null, "NoExecute", 0L)));
    await().atMost(Duration.ofSeconds(5)).until(() -> podCache.lister().list().size() == 3);
    clock.advance(GRACE.plusSeconds(1));

    reconciler.reconcile(NODE);

    assertThat(pods.list(NAMESPACE).items())
        .extracting(pod -> pod.metadata().name())
        .containsExactlyInAnyOrder("web-1", "web-2");
  }

  @Test
  void renewedLeaseRemovesTheTaintAndLeavesReadinessToTheAgent() {
    clock.advance(GRACE.plusSeconds(1));
    reconciler.reconcile(NODE);
    awaitNodeCache(node -> !node.spec().taints().isEmpty());

    Lease lease = leases.get("kube-node-lease", "n1").orElseThrow();
    leases.update(lease.withSpec(new LeaseSpec("n1", 40, null, clock.instant(), null)));
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                clock
                    .instant()
                    .equals(
                        leaseCache
                            .lister()
                            .get("kube-node-lease", "n1")
                            .orElseThrow()
                            .spec()
                            .renewTime()));
    reconciler.reconcile(NODE);

    assertThat(unreachableTaint()).isEmpty();
    assertThat(readiness()).isEqualTo(Condition.UNKNOWN);
    assertThat(pods.list(NAMESPACE).items()).hasSize(2);
  }

  @Test
  void nodeWithoutLeaseIsJudgedByItsCreationTime() {
    nodes.create(node("n2", "4", "8Gi"));
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> nodeCache.lister().get(null, "n2").isPresent());
    reconciler.reconcile(new Request(null, "n2"));

    clock.advance(GRACE.plusSeconds(1));
    reconciler.reconcile(new Request(null, "n2"));

    assertThat(
            Condition.find(
                    nodes.get(null, "n2").orElseThrow().status().conditions(), NodeCondition.READY)
                .orElseThrow()
                .status())
        .isEqualTo(Condition.UNKNOWN);
  }

  @Test
  void aNodeFirstSeenWithAStaleLeaseGetsAWholeGracePeriodToRenewIt() {
    nodes.create(node("n3", "4", "8Gi"));
    leases.create(
        new Lease(
            null,
            null,
            ObjectMeta.named("kube-node-lease", "n3"),
            new LeaseSpec("n3", 40, null, clock.instant().minus(Duration.ofHours(1)), null)));
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> leaseCache.lister().get("kube-node-lease", "n3").isPresent());
    Request n3 = new Request(null, "n3");

    Result result = reconciler.reconcile(n3);

    assertThat(readiness("n3")).isEqualTo(Condition.TRUE);
    assertThat(result.requeueAfter()).isEqualTo(MONITOR);
    clock.advance(GRACE.plusSeconds(1));
    reconciler.reconcile(n3);
    assertThat(readiness("n3")).isEqualTo(Condition.UNKNOWN);
  }

  @Test
  void noPodIsEvictedWhileNoNodeIsReadyAndEvictionResumesWhenOneIs() {
    Node neighbour = nodes.get(null, "n0").orElseThrow();
    nodes.updateStatus(neighbour.withStatus(withReady(neighbour.status(), Condition.FALSE)));
    awaitNodeCache("n0", node -> !isReady(node));
    clock.advance(GRACE.plusSeconds(1));
    reconciler.reconcile(NODE);
    awaitNodeCache(node -> !node.spec().taints().isEmpty());
    clock.advance(EVICTION.plusSeconds(1));

    reconciler.reconcile(NODE);

    assertThat(readiness()).isEqualTo(Condition.UNKNOWN);
    assertThat(pods.list(NAMESPACE).items()).hasSize(2);
    Node recovered = nodes.get(null, "n0").orElseThrow();
    nodes.updateStatus(recovered.withStatus(withReady(recovered.status(), Condition.TRUE)));
    awaitNodeCache("n0", NodeLifecycleReconcilerTest::isReady);
    reconciler.reconcile(NODE);
    assertThat(pods.list(NAMESPACE).items()).isEmpty();
  }

  private void createBound(Pod pod) {
    pods.create(pod);
    pods.createSubresource(
        NAMESPACE,
        String.valueOf(pod.metadata().name()),
        "binding",
        new Binding(
            null,
            null,
            ObjectMeta.named(NAMESPACE, String.valueOf(pod.metadata().name())),
            new ObjectReference("Node", null, "n1", null, "v1", null, null)));
  }

  private String readiness() {
    return readiness("n1");
  }

  private String readiness(String node) {
    return Condition.find(
            nodes.get(null, node).orElseThrow().status().conditions(), NodeCondition.READY)
        .orElseThrow()
        .status();
  }

  private static boolean isReady(Node node) {
    return Condition.find(node.status().conditions(), NodeCondition.READY)
        .map(ready -> Condition.TRUE.equals(ready.status()))
        .orElse(false);
  }

  private static NodeStatus withReady(NodeStatus status, String ready) {
    return new NodeStatus(
        status.capacity(),
        status.allocatable(),
        List.of(new NodeCondition(NodeCondition.READY, ready, null, null, null, null)),
        status.addresses(),
        status.daemonEndpoints(),
        status.nodeInfo());
  }

  private Optional<Taint> unreachableTaint() {
    return nodes.get(null, "n1").orElseThrow().spec().taints().stream()
        .filter(taint -> taint.key().equals("node.kubernetes.io/unreachable"))
        .findFirst();
  }

  private void awaitNodeCache(Predicate<Node> condition) {
    awaitNodeCache("n1", condition);
  }

  private void awaitNodeCache(String node, Predicate<Node> condition) {
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> condition.test(nodeCache.lister().get(null, node).orElseThrow()));
  }
}
