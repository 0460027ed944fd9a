package io.cetus.replication;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cetus.api.apps.ReplicaSet;
import io.cetus.api.apps.ReplicaSetSpec;
import io.cetus.api.core.Binding;
import io.cetus.api.core.ObjectReference;
import io.cetus.api.core.Pod;
import io.cetus.api.core.PodStatus;
import io.cetus.api.core.PodTemplateSpec;
import io.cetus.api.core.Pods;
import io.cetus.api.meta.Condition;
import io.cetus.api.meta.ObjectMeta;
import io.cetus.api.meta.OwnerReference;
import io.cetus.api.meta.Owners;
import io.cetus.client.ObjectClient;
import io.cetus.client.PatchType;
import io.cetus.client.informer.Lister;
import io.cetus.client.informer.SharedInformerFactory;
import io.cetus.controller.ControllerManager;
import io.cetus.testsupport.client.FakeApiClient;

import static io.cetus.replication.Fixtures.NAMESPACE;
import static io.cetus.replication.Fixtures.WEB;
import static io.cetus.replication.Fixtures.controlledBy;
import static io.cetus.replication.Fixtures.phase;
import static io.cetus.replication.Fixtures.pod;
import static io.cetus.replication.Fixtures.replicaSet;
import static io.cetus.replication.Fixtures.running;
import static io.cetus.replication.Fixtures.withTemplateLabels;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The replicaset controller running on an in-memory API server, judged by what the store holds. */
class ReplicaSetReconcilerTest {

  private static final Duration DEADLINE = Duration.ofSeconds(10);

  private final FakeApiClient api = new FakeApiClient();
  private final ObjectClient<Pod> pods = api.forType(Pod.class);
  private final ObjectClient<ReplicaSet> replicaSets = api.forType(ReplicaSet.class);
  private final SharedInformerFactory informers = new SharedInformerFactory(api);
  private final ControllerManager manager = new ControllerManager();

  @AfterEach
  void stop() {
    manager.stop();
  }

  @Test
  void createsPodsFromTheTemplateUpToReplicas() throws Exception {
    startController();
    ReplicaSet template = replicaSet("web", 3, WEB);
    template =
        template.withSpec(
            new ReplicaSetSpec(
                3,
                null,
                template.spec().selector(),
                new PodTemplateSpec(
                    template.spec().template().metadata().withAnnotations(Map.of("team", "blue")),
                    template.spec().template().spec())));
    ReplicaSet web = replicaSets.create(template);

    await().atMost(DEADLINE).until(() -> activePodsOf(web).size() == 3);

    assertThat(activePodsOf(web))
        .allSatisfy(
            pod -> {
              assertThat(pod.metadata().name()).matches("web-[a-z0-9]{5}");
              assertThat(pod.metadata().labels()).isEqualTo(WEB);
              assertThat(pod.metadata().annotations()).containsEntry("team", "blue");
              assertThat(pod.spec().containers().getFirst().image()).isEqualTo("nginx:1.27");
              assertThat(pod.metadata().ownerReferences())
                  .containsExactly(
                      new OwnerReference(
                          "apps/v1", "ReplicaSet", "web", web.metadata().uid(), true, true));
            });
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              var status = replicaSets.get(NAMESPACE, "web").orElseThrow().status();
              assertThat(status.replicas()).isEqualTo(3);
              assertThat(status.fullyLabeledReplicas()).isEqualTo(3);
              assertThat(status.readyReplicas()).isZero();
              assertThat(status.observedGeneration()).isEqualTo(1);
            });
    assertThat(pods.list(NAMESPACE).items()).hasSize(3);
  }

  @Test
  void scalingDownDeletesUnscheduledThenPendingThenNotReadyPodsAndKeepsTheReadyOne()
      throws Exception {
    startController();
    ReplicaSet web = replicaSets.create(replicaSet("web", 4, WEB));
    await().atMost(DEADLINE).until(() -> activePodsOf(web).size() == 4);
    List<String> names = activePodsOf(web).stream().map(p -> p.metadata().name()).sorted().toList();
    String unscheduled = names.get(0);
    String pending = names.get(1);
    String notReady = names.get(2);
    String ready = names.get(3);
    bind(pending, "n1");
    bind(notReady, "n1");
    bind(ready, "n2");
    setStatus(pending, phase(PodStatus.PENDING));
    setStatus(notReady, running(false, Instant.now()));
    setStatus(ready, running(true, Instant.now()));
    await()
        .atMost(DEADLINE)
        .until(
            () ->
                cachedPod(ready).map(Pods::isReady).orElse(false)
                    && cachedPod(notReady)
                        .map(p -> PodStatus.RUNNING.equals(p.status().phase()))
                        .orElse(false)
                    && cachedPod(pending).map(p -> p.spec().nodeName() != null).orElse(false));

    scale("web", 3);
    await()
        .atMost(DEADLINE)
        .until(() -> activeNames(web).equals(List.of(pending, notReady, ready)));
    scale("web", 2);
    await().atMost(DEADLINE).until(() -> activeNames(web).equals(List.of(notReady, ready)));
    scale("web", 1);
    await().atMost(DEADLINE).until(() -> activeNames(web).equals(List.of(ready)));
  }

  @Test
  void replacesADeletedPod() throws Exception {
    startController();
    ReplicaSet web = replicaSets.create(replicaSet("web", 2, WEB));
    await().atMost(DEADLINE).until(() -> activePodsOf(web).size() == 2);
    String victim = activePodsOf(web).getFirst().metadata().name();

    pods.delete(NAMESPACE, victim);

    await()
        .atMost(DEADLINE)
        .untilAsserted(() -> assertThat(activeNames(web)).hasSize(2).doesNotContain(victim));
  }

  @Test
  void finishedAndTerminatingPodsAreNotCountedAndAreReplaced() throws Exception {
    startController();
    ReplicaSet web = replicaSets.create(replicaSet("web", 2, WEB));
    await().atMost(DEADLINE).until(() -> activePodsOf(web).size() == 2);
    String finished = activePodsOf(web).get(0).metadata().name();
    String terminating = activePodsOf(web).get(1).metadata().name();

    setStatus(finished, phase(PodStatus.SUCCEEDED));
    bind(terminating, "n1");
    pods.delete(NAMESPACE, terminating); // bound: stays for its grace period
    assertThat(pods.get(NAMESPACE, terminating).orElseThrow().metadata().isBeingDeleted()).isTrue();

    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> assertThat(activeNames(web)).hasSize(2).doesNotContain(finished, terminating));
    assertThat(pods.list(NAMESPACE).items()).hasSize(4);
    await()
        .atMost(DEADLINE)
        .until(() -> replicaSets.get(NAMESPACE, "web").orElseThrow().status().replicas() == 2);
  }

  @Test
  void adoptsAMatchingOrphanInsteadOfCreatingAPod() throws Exception {
    pods.create(pod("orphan", WEB));
    pods.create(pod("stranger", Map.of("app", "db")));
    pods.create(controlledBy(pod("someone-elses", WEB), "ReplicaSet", "other", "other-uid"));
    startController();

    ReplicaSet web = replicaSets.create(replicaSet("web", 2, WEB));

    await().atMost(DEADLINE).until(() -> activePodsOf(web).size() == 2);
    assertThat(activeNames(web)).contains("orphan");
    assertThat(Owners.controllerOf(pods.get(NAMESPACE, "orphan").orElseThrow()))
        .hasValueSatisfying(
            owner -> {
              assertThat(owner.uid()).isEqualTo(web.metadata().uid());
              assertThat(owner.kind()).isEqualTo("ReplicaSet");
            });
    assertThat(pods.get(NAMESPACE, "stranger").orElseThrow().metadata().ownerReferences())
        .isEmpty();
    assertThat(Owners.controllerOf(pods.get(NAMESPACE, "someone-elses").orElseThrow()))
        .hasValueSatisfying(owner -> assertThat(owner.uid()).isEqualTo("other-uid"));
    assertThat(pods.list(NAMESPACE).items()).hasSize(4);
  }

  @Test
  void orphanAppearingLaterIsAdoptedAndTheSurplusDeleted() throws Exception {
    startController();
    ReplicaSet web = replicaSets.create(replicaSet("web", 1, WEB));
    await().atMost(DEADLINE).until(() -> activePodsOf(web).size() == 1);

    pods.create(pod("orphan", WEB));

    await()
        .atMost(DEADLINE)
        .until(
            () ->
                pods.get(NAMESPACE, "orphan")
                    .map(pod -> Owners.isControlledBy(pod, web))
                    .orElse(true));
    await().atMost(DEADLINE).until(() -> activePodsOf(web).size() == 1);
  }

  @Test
  void relabelledPodIsReleasedKeepsRunningAndIsReplaced() throws Exception {
    startController();
    ReplicaSet web = replicaSets.create(replicaSet("web", 2, WEB));
    await().atMost(DEADLINE).until(() -> activePodsOf(web).size() == 2);
    String quarantined = activePodsOf(web).getFirst().metadata().name();

    pods.patch(
        NAMESPACE, quarantined, PatchType.MERGE, "{\"metadata\":{\"labels\":{\"app\":\"debug\"}}}");

    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              Pod released = pods.get(NAMESPACE, quarantined).orElseThrow();
              assertThat(released.metadata().ownerReferences()).isEmpty();
              assertThat(released.metadata().isBeingDeleted()).isFalse();
              assertThat(activeNames(web)).hasSize(2).doesNotContain(quarantined);
            });
    assertThat(pods.list(NAMESPACE).items()).hasSize(3);
  }

  @Test
  void replicaSetWhoseSelectorDoesNotMatchItsTemplateGetsNoPodsAndSaysWhy() throws Exception {
    startController();
    ReplicaSet mismatched =
        replicaSets.create(withTemplateLabels(replicaSet("bad", 2, WEB), Map.of("app", "other")));
    ReplicaSet fine = replicaSets.create(replicaSet("good", 1, Map.of("app", "good")));

    await().atMost(DEADLINE).until(() -> activePodsOf(fine).size() == 1);
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () ->
                assertThat(
                        Condition.find(
                            replicaSets.get(NAMESPACE, "bad").orElseThrow().status().conditions(),
                            ReplicaFailure.CONDITION))
                    .hasValueSatisfying(
                        condition -> {
                          assertThat(condition.status()).isEqualTo(Condition.TRUE);
                          assertThat(condition.reason()).isEqualTo("FailedCreate");
                          assertThat(condition.message()).contains("selector");
                        }));
    assertThat(activePodsOf(mismatched)).isEmpty();
    assertThat(pods.list(NAMESPACE).items()).hasSize(1);
  }

  @Test
  void scalingToZeroRemovesEveryPod() throws Exception {
    startController();
    ReplicaSet web = replicaSets.create(replicaSet("web", 3, WEB));
    await().atMost(DEADLINE).until(() -> activePodsOf(web).size() == 3);

    scale("web", 0);

    await().atMost(DEADLINE).until(() -> pods.list(NAMESPACE).items().isEmpty());
    await()
        .atMost(DEADLINE)
        .until(() -> replicaSets.get(NAMESPACE, "web").orElseThrow().status().replicas() == 0);
  }

  private void startController() throws InterruptedException {
    manager.add(informers);
    manager.add(
        ReplicaSetController.create(
            informers, api, Clock.systemUTC(), 2, UnaryOperator.identity()));
    manager.start(DEADLINE);
  }

  private List<Pod> activePodsOf(ReplicaSet replicaSet) {
    return pods.list(NAMESPACE).items().stream()
        .filter(pod -> Owners.isControlledBy(pod, replicaSet))
        .filter(Pods::isActive)
        .toList();
  }

  private List<String> activeNames(ReplicaSet replicaSet) {
    return activePodsOf(replicaSet).stream().map(p -> p.metadata().name()).sorted().toList();
  }

  private Optional<Pod> cachedPod(String name) {
    Lister<Pod> lister = informers.forType(Pod.class).lister();
    return lister.get(NAMESPACE, name);
  }

  private void scale(String replicaSet, int replicas) {
    replicaSets.patch(
        NAMESPACE, replicaSet, PatchType.MERGE, "{\"spec\":{\"replicas\":" + replicas + "}}");
  }

  private void bind(String pod, String node) {
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

  private void setStatus(String pod, PodStatus status) {
    Pod current = pods.get(NAMESPACE, pod).orElseThrow();
    pods.updateStatus(current.withStatus(status));
  }
}
