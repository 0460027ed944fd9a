package io.cetus.replication;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cetus.api.apps.ReplicaSet;
import io.cetus.api.apps.ReplicaSetStatus;
import io.cetus.api.core.Pod;
import io.cetus.api.core.PodStatus;
import io.cetus.api.errors.ApiException;
import io.cetus.api.errors.Reason;
import io.cetus.api.errors.StatusCause;
import io.cetus.api.meta.Condition;
import io.cetus.client.PatchType;
import io.cetus.controller.reconcile.Result;

import static io.cetus.replication.Fixtures.NAMESPACE;
import static io.cetus.replication.Fixtures.WEB;
import static io.cetus.replication.Fixtures.pod;
import static io.cetus.replication.Fixtures.replicaSet;
import static io.cetus.replication.Fixtures.running;
import static io.cetus.replication.Fixtures.withMinReadySeconds;
import static io.cetus.replication.Fixtures.withTemplateLabels;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a replica set reports in its status, reconcile by reconcile, on a clock the test moves. */
class ReplicaSetStatusTest {

  private final ReconcileHarness harness = new ReconcileHarness();

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void podsCountAsAvailableOnceReadyForMinReadySecondsWithoutAnotherEvent() throws Exception {
    harness.replicaSets.create(withMinReadySeconds(replicaSet("web", 2, WEB), 10));
    harness.start();
    harness.reconcile("web");
    harness.awaitCachedPods(pods -> pods.size() == 2);
    List<String> names = podNames();
    setPodStatus(names.get(0), running(true, harness.clock.instant()));
    setPodStatus(names.get(1), running(false, harness.clock.instant()));
    harness.awaitCachesCaughtUp();
    harness.clock.advance(Duration.ofSeconds(4));

    Result early = harness.reconcile("web");

    assertThat(status())
        .extracting(
            ReplicaSetStatus::replicas,
            ReplicaSetStatus::readyReplicas,
            ReplicaSetStatus::availableReplicas)
        .containsExactly(2, 1, 0);
    assertThat(early.requeueAfter()).isEqualTo(Duration.ofSeconds(6));

    harness.awaitCachesCaughtUp();
    harness.clock.advance(Duration.ofSeconds(6));
    Result onTime = harness.reconcile("web");

    assertThat(status().availableReplicas()).isEqualTo(1);
    assertThat(onTime.requeue()).isFalse();
  }

  @Test
  void withoutMinReadySecondsEveryReadyPodIsAvailable() throws Exception {
    harness.replicaSets.create(replicaSet("web", 2, WEB));
    harness.start();
    harness.reconcile("web");
    harness.awaitCachedPods(pods -> pods.size() == 2);
    for (String name : podNames()) {
      setPodStatus(name, running(true, harness.clock.instant()));
    }
    harness.awaitCachesCaughtUp();

    Result result = harness.reconcile("web");

    assertThat(status())
        .extracting(ReplicaSetStatus::readyReplicas, ReplicaSetStatus::availableReplicas)
        .containsExactly(2, 2);
    assertThat(result.requeue()).isFalse();
  }

  @Test
  void observedGenerationFollowsSpecChanges() throws Exception {
    harness.replicaSets.create(replicaSet("web", 1, WEB));
    harness.start();
    harness.reconcile("web");
    assertThat(status().observedGeneration()).isEqualTo(1);

    harness.replicaSets.patch(NAMESPACE, "web", PatchType.MERGE, "{\"spec\":{\"replicas\":2}}");
    harness.awaitCachesCaughtUp();
    harness.reconcile("web");

    ReplicaSet scaled = harness.replicaSets.get(NAMESPACE, "web").orElseThrow();
    assertThat(scaled.metadata().generation()).isEqualTo(2);
    assertThat(scaled.status().observedGeneration()).isEqualTo(2);
  }

  @Test
  void fullyLabeledReplicasCountOnlyPodsWithEveryTemplateLabel() throws Exception {
    // the orphan matches the selector (app=web) but lacks the template's tier label
    harness.pods.create(pod("orphan", WEB));
    harness.replicaSets.create(
        withTemplateLabels(replicaSet("web", 2, WEB), Map.of("app", "web", "tier", "front")));
    harness.start();
    harness.reconcile("web"); // adopts the orphan, creates one pod
    harness.awaitCachedPods(pods -> pods.size() == 2);
    harness.awaitCachesCaughtUp();

    harness.reconcile("web");

    assertThat(status())
        .extracting(ReplicaSetStatus::replicas, ReplicaSetStatus::fullyLabeledReplicas)
        .containsExactly(2, 1);
  }

  @Test
  void forbiddenCreateSetsReplicaFailureStopsCreatingAndClearsOnceCreatesWork() throws Exception {
    createFailureIsReportedAndCleared(
        new ApiException(
            Reason.FORBIDDEN, "pods \"web-x7k2p\" is forbidden: exceeded quota: compute"),
        "forbidden");
  }

  @Test
  void invalidCreateSetsReplicaFailure() throws Exception {
    createFailureIsReportedAndCleared(
        ApiException.invalid(
            "Pod", "web-x7k2p", List.of(StatusCause.required("spec.containers[0].image"))),
        "is invalid");
  }

  private void createFailureIsReportedAndCleared(ApiException refusal, String messagePart)
      throws Exception {
    harness.replicaSets.create(replicaSet("web", 3, WEB));
    harness.start();
    harness.api.failNextWrite(refusal);

    assertThatThrownBy(() -> harness.reconcile("web")).isSameAs(refusal);

    assertThat(harness.pods.list(NAMESPACE).items()).as("one failed try, no flood").isEmpty();
    assertThat(Condition.find(status().conditions(), ReplicaFailure.CONDITION))
        .hasValueSatisfying(
            condition -> {
              assertThat(condition.status()).isEqualTo(Condition.TRUE);
              assertThat(condition.reason()).isEqualTo("FailedCreate");
              assertThat(condition.message()).contains(messagePart);
              assertThat(condition.lastTransitionTime()).isEqualTo(harness.clock.instant());
            });

    harness.awaitCachesCaughtUp();
    harness.reconcile("web"); // the retry the controller makes after its backoff

    assertThat(harness.pods.list(NAMESPACE).items()).hasSize(3);
    assertThat(Condition.find(status().conditions(), ReplicaFailure.CONDITION)).isEmpty();
  }

  private ReplicaSetStatus status() {
    return harness.replicaSets.get(NAMESPACE, "web").orElseThrow().status();
  }

  private List<String> podNames() {
    return harness.pods.list(NAMESPACE).items().stream()
        .map(pod -> pod.metadata().name())
        .sorted()
        .toList();
  }

  private void setPodStatus(String name, PodStatus status) {
    Pod current = harness.pods.get(NAMESPACE, name).orElseThrow();
    harness.pods.updateStatus(current.withStatus(status));
  }
}
