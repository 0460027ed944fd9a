package io.cetus.deployment;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cetus.api.apps.Deployment;
import io.cetus.api.apps.ReplicaSet;
import io.cetus.controller.reconcile.Result;

import static io.cetus.deployment.Fixtures.deployment;
import static org.assertj.core.api.Assertions.assertThat;

/** A cache that does not show this controller's own writes yet is waited for, not written from. */
class WrittenVersionsTest {

  private final DeploymentHarness harness = new DeploymentHarness();

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void aVersionWrittenOverIsStaleUntilTheCacheShowsAnother() {
    WrittenVersions written = new WrittenVersions();
    written.wrote("uid-1", "5", "7");

    assertThat(written.isStale("uid-1", "5")).isTrue();
    assertThat(written.isStale("uid-1", "7")).isFalse();
    assertThat(written.isStale("uid-1", "5")).as("forgotten once caught up").isFalse();
    assertThat(written.isStale("uid-2", "5")).isFalse();
  }

  @Test
  void aReconcileOnAStaleCacheWritesNothingAndLooksAgainLater() throws Exception {
    Deployment web = harness.deployments.create(deployment("web", 2, "nginx:1.27"));
    harness.start();
    harness.written.wrote(web.metadata().uid(), web.metadata().resourceVersion(), "newer");
    String before = harness.api.resourceVersion();

    Result result = harness.reconcile("web");

    assertThat(harness.api.resourceVersion()).isEqualTo(before);
    assertThat(result.requeueAfter()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void anotherDeploymentsStaleReplicaSetDoesNotHoldItUp() throws Exception {
    harness.deployments.create(deployment("web", 1, "nginx:1.27"));
    harness.deployments.create(deployment("other", 1, "nginx:1.27", Map.of("app", "other")));
    harness.start();
    harness.reconcile("other");
    ReplicaSet theirs = harness.replicaSets.list(Fixtures.NAMESPACE).items().getFirst();
    harness.written.wrote(theirs.metadata().uid(), theirs.metadata().resourceVersion(), "newer");

    harness.reconcile("web");

    assertThat(harness.replicaSets.list(Fixtures.NAMESPACE).items()).hasSize(2);
  }
}
