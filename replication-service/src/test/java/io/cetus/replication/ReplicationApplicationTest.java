package io.cetus.replication;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.cetus.api.apps.ReplicaSet;
import io.cetus.api.core.Pod;
import io.cetus.testsupport.boot.ControllerServiceTest;
import io.cetus.testsupport.boot.LocalHttp;
import io.cetus.testsupport.client.FakeApiClient;

import static io.cetus.replication.Fixtures.NAMESPACE;
import static io.cetus.replication.Fixtures.WEB;
import static io.cetus.replication.Fixtures.replicaSet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The service as it starts: its controller runs, and health and metrics report on it. */
@ControllerServiceTest
class ReplicationApplicationTest {

  @Autowired private FakeApiClient api;
  @LocalServerPort private int port;

  @Test
  void keepsReplicaSetsAtTheirCountAndReportsHealthAndMetrics() throws Exception {
    api.forType(ReplicaSet.class).create(replicaSet("web", 2, WEB));

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> api.forType(Pod.class).list(NAMESPACE).items().size() == 2);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                api.forType(ReplicaSet.class)
                        .get(NAMESPACE, "web")
                        .orElseThrow()
                        .status()
                        .replicas()
                    == 2);

    assertThat(LocalHttp.get(port, "/actuator/health"))
        .contains("\"controllers\"")
        .contains("\"role\":\"leader\"")
        .contains("\"status\":\"UP\"");
    assertThat(LocalHttp.get(port, "/actuator/prometheus"))
        .contains("cetus_controller_reconcile_seconds_count{controller=\"replicaset\"")
        .contains("cetus_controller_queue_depth{controller=\"replicaset\"");
  }
}
