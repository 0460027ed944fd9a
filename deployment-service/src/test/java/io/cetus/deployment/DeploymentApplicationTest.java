package io.cetus.deployment;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.cetus.api.apps.Deployment;
import io.cetus.api.apps.DeploymentCondition;
import io.cetus.api.apps.ReplicaSet;
import io.cetus.api.apps.ReplicaSetStatus;
import io.cetus.api.meta.Condition;
import io.cetus.client.ObjectClient;
import io.cetus.testsupport.boot.ControllerServiceTest;
import io.cetus.testsupport.boot.LocalHttp;
import io.cetus.testsupport.client.FakeApiClient;

import static io.cetus.deployment.Fixtures.NAMESPACE;
import static io.cetus.deployment.Fixtures.deployment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service as it starts: its controller follows deployments and replica sets through the
 * informers, and health and metrics report on it.
 */
@ControllerServiceTest
class DeploymentApplicationTest {

  private static final Duration DEADLINE = Duration.ofSeconds(10);

  @Autowired private FakeApiClient api;
  @LocalServerPort private int port;

  @Test
  void rollsADeploymentOutAsItsReplicaSetBecomesAvailable() throws Exception {
    ObjectClient<Deployment> deployments = api.forType(Deployment.class);
    ObjectClient<ReplicaSet> replicaSets = api.forType(ReplicaSet.class);
    deployments.create(deployment("web", 2, "nginx:1.27"));

    await().atMost(DEADLINE).until(() -> replicaSets.list(NAMESPACE).items().size() == 1);
    ReplicaSet rs = replicaSets.list(NAMESPACE).items().getFirst();
    assertThat(rs.spec().replicas()).isEqualTo(2);
    // what the replica set controller would report once both pods are ready
    replicaSets.updateStatus(rs.withStatus(new ReplicaSetStatus(2, 2, 2, 2, 1, List.of())));

    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              Deployment web = deployments.get(NAMESPACE, "web").orElseThrow();
              assertThat(web.status().availableReplicas()).isEqualTo(2);
              assertThat(web.status().updatedReplicas()).isEqualTo(2);
              assertThat(
                      Condition.find(web.status().conditions(), DeploymentCondition.PROGRESSING)
                          .map(DeploymentCondition::reason))
                  .hasValue("NewReplicaSetAvailable");
            });

    assertThat(LocalHttp.get(port, "/actuator/health"))
        .contains("\"controllers\"")
        .contains("\"role\":\"leader\"")
        .contains("\"status\":\"UP\"");
    assertThat(LocalHttp.get(port, "/actuator/prometheus"))
        .contains("cetus_controller_reconcile_seconds_count{controller=\"deployment\"")
        .contains("cetus_controller_queue_depth{controller=\"deployment\"");
  }
}
