package io.cetus.scheduler;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import io.cetus.api.core.Node;
import io.cetus.api.core.Pod;
import io.cetus.testsupport.client.FakeApiClient;

import static io.cetus.scheduler.Fixtures.NAMESPACE;
import static io.cetus.scheduler.Fixtures.node;
import static io.cetus.scheduler.Fixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The service as it starts: its controllers run, and health and metrics report on them. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"platform.watch-source=http", "platform.leader-election.enabled=false"})
class SchedulerApplicationTest {

  @TestConfiguration(proxyBeanMethods = false)
  static class InMemoryStore {
    @Bean
    FakeApiClient fakeApiClient() {
      return new FakeApiClient();
    }
  }

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

    assertThat(get("/actuator/health"))
        .contains("\"controllers\"")
        .contains("\"role\":\"leader\"")
        .contains("\"status\":\"UP\"");
    assertThat(get("/actuator/prometheus"))
        .contains("cetus_controller_reconcile_seconds_count{controller=\"scheduler\"")
        .contains("cetus_controller_queue_depth{controller=\"node-lifecycle\"");
  }

  private String get(String path) throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      return http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    }
  }
}
