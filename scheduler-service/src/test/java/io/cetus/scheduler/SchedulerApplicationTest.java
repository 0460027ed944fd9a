package io.cetus.scheduler;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.cetus.api.core.Node;
import io.cetus.api.core.Pod;
import io.cetus.testsupport.boot.ControllerServiceTest;
import io.cetus.testsupport.boot.LocalHttp;
import io.cetus.testsupport.client.FakeApiClient;

import static io.cetus.scheduler.Fixtures.NAMESPACE;
import static io.cetus.scheduler.Fixtures.node;
import static io.cetus.scheduler.Fixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The service as it starts: its controllers run, and health and metrics report on them. */
@ControllerServiceTest
class SchedulerApplicationTest {

  @Autowired private FakeApiClient api;
  @LocalServerPort private int port;

  @Test
  void schedulesPodsAndReportsHealthAndMetrics() throws Exception {
    api.forType(Node.class).create(node("n1", "4", "8Gi"));
    api.forType(Pod.class).create(pod("web"));

    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                "n1"
                    .equals(
                        api.forType(Pod.class)
                            .get(NAMESPACE, "web")
                            .orElseThrow()
                            .spec()
                            .nodeName()));

    assertThat(LocalHttp.get(port, "/actuator/health"))
        .contains("\"controllers\"")
        .contains("\"role\":\"leader\"")
        .contains("\"status\":\"UP\"");
    assertThat(LocalHttp.get(port, "/actuator/prometheus"))
        .contains("cetus_controller_reconcile_seconds_count{controller=\"scheduler\"")
        .contains("cetus_controller_queue_depth{controller=\"node-lifecycle\"");
  }
}
