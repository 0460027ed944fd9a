package io.cetus.replication;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cetus.api.apps.ReplicaSet;
import io.cetus.controller.reconcile.Result;
import io.cetus.replication.expectation.PodExpectations;

import static io.cetus.replication.Fixtures.NAMESPACE;
import static io.cetus.replication.Fixtures.WEB;
import static io.cetus.replication.Fixtures.replicaSet;
import static org.assertj.core.api.Assertions.assertThat;

/** A cache that lags behind the controller's own creates never makes it create twice. */
class ReplicaSetExpectationsTest {

  private final ReconcileHarness harness = new ReconcileHarness();

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void secondReconcileBeforeTheCacheShowsTheNewPodsCreatesNothing() throws Exception {
    harness.replicaSets.create(replicaSet("web", 3, WEB));
    harness.start();
    harness.informers.stop(); // the caches stay as they are: the replica set, no pods

    harness.reconcile("web");
    Result second = harness.reconcile("web");

    assertThat(harness.pods.list(NAMESPACE).items()).hasSize(3);
    assertThat(second.requeueAfter())
        .as("looks again when the expectations time out")
        .isEqualTo(PodExpectations.TIMEOUT);
  }

  @Test
  void unobservedCreatesStopHoldingTheReplicaSetBackAfterTheTimeout() throws Exception {
    harness.replicaSets.create(replicaSet("web", 3, WEB));
    harness.start();
    harness.informers.stop();
    harness.reconcile("web");

    harness.clock.advance(PodExpectations.TIMEOUT);
    harness.reconcile("web");

    // the creates were lost as far as this cache knows: it trusts the cache again
    assertThat(harness.pods.list(NAMESPACE).items()).hasSize(6);
  }

  @Test
  void onceTheCacheShowsThePodsTheReplicaSetIsSettled() throws Exception {
    harness.replicaSets.create(replicaSet("web", 3, WEB));
    harness.start();
    harness.reconcile("web");
    ReplicaSet web = harness.replicaSets.get(NAMESPACE, "web").orElseThrow();

    harness.awaitCachedPods(pods -> pods.size() == 3);

    assertThat(harness.expectations.satisfied(web.metadata().uid())).isTrue();
    harness.awaitCachesCaughtUp();
    Result settled = harness.reconcile("web");
    assertThat(settled.requeue()).isFalse();
    assertThat(harness.pods.list(NAMESPACE).items()).hasSize(3);
  }
}
