package io.cetus.scheduler.cache;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.cetus.api.core.Pod;
import io.cetus.api.core.PodStatus;
import io.cetus.api.meta.ObjectMeta;
import io.cetus.testsupport.time.MutableClock;

import static io.cetus.scheduler.Fixtures.boundTo;
import static io.cetus.scheduler.Fixtures.node;
import static io.cetus.scheduler.Fixtures.ownedBy;
import static io.cetus.scheduler.Fixtures.pod;
import static io.cetus.scheduler.Fixtures.requesting;
import static io.cetus.scheduler.Fixtures.withHostPort;
import static io.cetus.scheduler.Fixtures.withLabel;
import static io.cetus.scheduler.Fixtures.withLabels;
import static org.assertj.core.api.Assertions.assertThat;

class SchedulerCacheTest {

  private static final long GI = 1024L * 1024 * 1024;

  private final MutableClock clock = new MutableClock();
  private final SchedulerCache cache = new SchedulerCache(clock);
  private final Pod web = ownedBy(requesting(pod("web"), "1", "1Gi"), "web", "rs-uid");
  private final SiblingKey webSiblings = SiblingKey.of(web).orElseThrow();

  SchedulerCacheTest() {
    cache.addOrUpdateNode(node("n1", "4", "8Gi"));
    cache.addOrUpdateNode(node("n2", "4", "8Gi"));
  }

  @Test
  void boundPodIsCountedOnItsNodeAndPendingPodsNowhere() {
    cache.addPod(withHostPort(boundTo(web, "n1"), 80));
    cache.addPod(requesting(pod("pending"), "2", "2Gi"));

    NodeInfo n1 = info("n1");
    assertThat(n1.pods()).hasSize(1);
    assertThat(n1.requested()).isEqualTo(new Resources(1000, GI));
    assertThat(n1.usedPorts()).extracting(HostPort::port).containsExactly(80);
    assertThat(n1.siblings(webSiblings)).isEqualTo(1);
    assertThat(info("n2").pods()).isEmpty();
  }

  @Test
  void updatesReplaceThePodsContributionAndFinishedOrDeletedPodsFreeTheirRoom() {
    Pod bound = boundTo(web, "n1");
    cache.addPod(bound);

    Pod leaving = bound.withMetadata(withDeletionTimestamp(bound.metadata()));
    cache.updatePod(bound, leaving);
    assertThat(info("n1").siblings(webSiblings)).as("being deleted: no sibling").isZero();
    assertThat(info("n1").requested()).as("still running").isEqualTo(new Resources(1000, GI));

    Pod finished = leaving.withStatus(PodStatus.builder().phase(PodStatus.SUCCEEDED).build());
    cache.updatePod(leaving, finished);
    assertThat(info("n1").pods()).isEmpty();
    assertThat(info("n1").requested()).isEqualTo(Resources.ZERO);

    cache.addPod(bound);
    assertThat(info("n1").pods()).hasSize(1);
    cache.removePod(bound);
    assertThat(info("n1").pods()).isEmpty();
    assertThat(info("n1").nonZeroRequested()).isEqualTo(Resources.ZERO);
    assertThat(info("n1").siblings(webSiblings)).isZero();
  }

  @Test
  void addingAPodTwiceCountsItOnce() {
    cache.addPod(boundTo(web, "n1"));
    cache.addPod(boundTo(web, "n1"));

    assertThat(info("n1").pods()).hasSize(1);
    assertThat(info("n1").requested()).isEqualTo(new Resources(1000, GI));
  }

  @Test
  void nodeUpdatesKeepItsPodsAndADeletedNodeIsNoLongerListed() {
    cache.addPod(boundTo(web, "n1"));

    cache.addOrUpdateNode(withLabel(node("n1", "8", "16Gi"), "disk", "ssd"));
    assertThat(info("n1").allocatable().milliCpu()).isEqualTo(8000);
    assertThat(info("n1").pods()).hasSize(1);

    cache.removeNode(node("n1", "8", "16Gi"));
    assertThat(cache.nodes()).extracting(NodeInfo::name).containsExactly("n2");
    assertThat(cache.node("n1")).isNull();

    cache.addOrUpdateNode(node("n1", "4", "8Gi"));
    assertThat(info("n1").pods()).as("its pods were remembered").hasSize(1);
    assertThat(cache.nodes()).extracting(NodeInfo::name).containsExactlyInAnyOrder("n1", "n2");
  }

  @Test
  void decisionsGetTheCountedPodsInstanceOfTheirSiblingKeyWhileOneIsCounted() {
    Pod sibling = ownedBy(requesting(pod("web-2"), "1", "1Gi"), "web", "rs-uid");
    assertThat(cache.podInfo(sibling).siblingKey())
        .as("nothing counted: its own key")
        .isEqualTo(webSiblings)
        .isNotSameAs(webSiblings);

    cache.addPod(boundTo(web, "n1"));
    SiblingKey shared = info("n1").pods().getFirst().siblingKey();
    PodInfo decided = cache.podInfo(sibling);

    assertThat(decided.siblingKey()).isSameAs(shared);
    assertThat(info("n1").siblings(decided.siblingKey())).isEqualTo(1);
    assertThat(decided.requests()).isEqualTo(new Resources(1000, GI));

    cache.assume(decided, "n2");
    assertThat(info("n2").siblings(webSiblings)).isEqualTo(1);
    assertThat(info("n2").pods().getFirst().siblingKey()).isSameAs(shared);

    cache.removePod(boundTo(web, "n1"));
    cache.forget(sibling);
    assertThat(info("n1").siblings(webSiblings)).isZero();
    assertThat(info("n2").siblings(webSiblings)).isZero();
    assertThat(cache.podInfo(sibling).siblingKey())
        .as("no pod holds the key any more: forgotten")
        .isNotSameAs(shared);
  }

  @Test
  void podsOfANodeNotSeenYetCountOnceItAppears() {
    cache.addPod(boundTo(web, "n3"));
    assertThat(cache.nodes()).extracting(NodeInfo::name).containsExactlyInAnyOrder("n1", "n2");

    cache.addOrUpdateNode(node("n3", "4", "8Gi"));

    assertThat(info("n3").requested()).isEqualTo(new Resources(1000, GI));
  }

  @Test
  void assumedPodCountsOnceBeforeAndAfterTheInformerShowsItBound() {
    cache.addPod(web);

    cache.assume(web, "n1");
    assertThat(cache.isAssumed(web)).isTrue();
    assertThat(info("n1").requested()).isEqualTo(new Resources(1000, GI));

    // the informer is behind: it still shows the pod pending
    Pod withStatus = web.withStatus(PodStatus.builder().phase(PodStatus.PENDING).build());
    cache.updatePod(web, withStatus);
    assertThat(info("n1").pods()).hasSize(1);
    assertThat(cache.isAssumed(web)).isTrue();

    cache.finishBinding(web);
    cache.updatePod(withStatus, boundTo(withStatus, "n1"));

    assertThat(cache.isAssumed(web)).isFalse();
    assertThat(cache.assumedCount()).isZero();
    assertThat(info("n1").pods()).hasSize(1);
    assertThat(info("n1").requested()).isEqualTo(new Resources(1000, GI));
    assertThat(info("n1").siblings(webSiblings)).isEqualTo(1);

    clock.advance(SchedulerCache.ASSUMED_TTL.plusSeconds(1));
    cache.nodes();
    assertThat(info("n1").pods()).as("confirmed pods never expire").hasSize(1);
  }

  @Test
  void podBoundElsewhereThanAssumedCountsWhereTheInformerSays() {
    cache.assume(web, "n1");

    cache.addPod(boundTo(web, "n2"));

    assertThat(info("n1").pods()).isEmpty();
    assertThat(info("n2").pods()).hasSize(1);
    assertThat(cache.isAssumed(web)).isFalse();
  }

  @Test
  void failedBindingForgetsTheAssumption() {
    cache.assume(web, "n1");

    cache.forget(web);

    assertThat(cache.isAssumed(web)).isFalse();
    assertThat(info("n1").pods()).isEmpty();
    assertThat(info("n1").requested()).isEqualTo(Resources.ZERO);
    assertThat(info("n1").siblings(webSiblings)).isZero();
  }

  @Test
  void boundAssumedPodTheInformerNeverShowsExpires() {
    Pod stillBinding = requesting(pod("still-binding"), "1", "1Gi");
    cache.assume(web, "n1");
    cache.assume(stillBinding, "n2");
    cache.finishBinding(web);

    clock.advance(SchedulerCache.ASSUMED_TTL.minusSeconds(1));
    assertThat(cache.nodes()).allSatisfy(node -> assertThat(node.pods()).hasSize(1));

    clock.advance(Duration.ofSeconds(2));
    List<NodeInfo> nodes = cache.nodes();

    assertThat(cache.isAssumed(web)).isFalse();
    assertThat(info("n1").pods()).isEmpty();
    assertThat(cache.isAssumed(stillBinding)).isTrue();
    assertThat(info("n2").pods()).as("a binding still under way does not expire").hasSize(1);
    assertThat(nodes).hasSize(2);
  }

  @Test
  void assumptionEndsWhenThePodIsDeletedOrReplaced() {
    cache.assume(web, "n1");
    cache.removePod(web);
    assertThat(cache.isAssumed(web)).isFalse();
    assertThat(info("n1").pods()).isEmpty();

    cache.assume(web, "n1");
    Pod replacement = ownedBy(requesting(pod("web"), "1", "1Gi"), "web", "rs-uid");
    cache.addPod(replacement);
    assertThat(cache.isAssumed(web)).isFalse();
    assertThat(cache.isAssumed(replacement)).isFalse();
    assertThat(info("n1").pods()).isEmpty();
  }

  @Test
  void snapshotsAreImmutableAndDoNotSeeLaterChanges() {
    List<NodeInfo> before = cache.nodes();

    cache.assume(web, "n1");

    assertThat(before).allSatisfy(node -> assertThat(node.pods()).isEmpty());
    assertThat(info("n1").pods()).hasSize(1);
  }

  @Test
  void siblingsAreCountedPerOwnerAndPerLabelsForOwnerlessPods() {
    cache.addPod(boundTo(ownedBy(pod("web-1"), "web", "rs-uid"), "n1"));
    cache.addPod(boundTo(ownedBy(pod("web-2"), "web", "rs-uid"), "n1"));
    cache.addPod(boundTo(ownedBy(pod("api-1"), "api", "other-uid"), "n1"));
    Pod labelled = withLabels(pod("cache-1"), Map.of("app", "c"));
    cache.addPod(boundTo(labelled, "n1"));

    NodeInfo n1 = info("n1");
    assertThat(n1.siblings(webSiblings)).isEqualTo(2);
    assertThat(n1.siblings(SiblingKey.of(labelled).orElseThrow())).isEqualTo(1);
    assertThat(SiblingKey.of(pod("bare"))).isEmpty();
  }

  private NodeInfo info(String name) {
    NodeInfo info = cache.node(name);
    assertThat(info).as("node %s", name).isNotNull();
    return info;
  }

  private static ObjectMeta withDeletionTimestamp(ObjectMeta meta) {
    return new ObjectMeta(
        meta.name(),
        null,
        meta.namespace(),
        meta.uid(),
        null,
        null,
        null,
        Instant.EPOCH,
        30L,
        meta.labels(),
        meta.annotations(),
        meta.ownerReferences(),
        null);
  }

  @Test
  void awaitingNodesReturnsOnceTheCacheHoldsEveryNodeNamedAndGivesUpAfterTheTimeout()
      throws Exception {
    assertThat(cache.awaitNodes(() -> List.of("n1", "n2"), Duration.ZERO)).isTrue();
    assertThat(cache.awaitNodes(() -> List.of("n1", "n3"), Duration.ofMillis(20))).isFalse();

    var waiting =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return cache.awaitNodes(() -> List.of("n3"), Duration.ofSeconds(30));
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    cache.addOrUpdateNode(node("n3", "4", "8Gi"));

    assertThat(waiting.get(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void aNodeTheInformerNoLongerNamesIsNotAwaited() throws Exception {
    var names = new AtomicReference<List<String>>(List.of("gone"));
    var waiting =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return cache.awaitNodes(names::get, Duration.ofSeconds(30));
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    names.set(List.of());
    cache.removeNode(node("gone", "1", "1Gi"));

    assertThat(waiting.get(10, TimeUnit.SECONDS)).isTrue();
  }
}
