package io.cetus.nodeagent;

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
import io.cetus.api.json.Json;
import io.cetus.api.meta.Condition;
import io.cetus.nodeagent.runtime.ContainerRuntime;
import io.cetus.nodeagent.runtime.fake.FakeContainerRuntime;
import io.cetus.testsupport.client.FakeApiClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The agent as it starts on the fake runtime (a hollow node with the sandbox image and {@code
 * app:1}): it registers its Node, runs the pods bound to it and only those, and serves their logs.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "platform.node-agent.node-name=test-node",
      "platform.node-agent.runtime=fake",
      "platform.node-agent.fake-images=app:1",
      "platform.node-agent.heartbeat-interval=200ms",
      "platform.node-agent.state-dir=${java.io.tmpdir}/cetus-node-agent-test"
    })
class NodeAgentApplicationTest {

  @TestConfiguration(proxyBeanMethods = false)
  static class InMemory {
    @Bean
    FakeApiClient fakeApiClient() {
      return new FakeApiClient();
    }
  }

  @Autowired private FakeApiClient api;
  @Autowired private ContainerRuntime runtime;
  @LocalServerPort private int port;

  @Test
  void registersTheNodeAndRunsPodsBoundToIt() throws Exception {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                api.forType(Node.class)
                    .get(null, "test-node")
                    .map(node -> Condition.holds(node.status().conditions(), "Ready"))
                    .orElse(false));

    createPod("web", "test-node");
    createPod("elsewhere", "another-node");

    awaitRunning("web");
    assertThat(
            api.forType(Pod.class)
                .get("default", "elsewhere")
                .orElseThrow()
                .status()
                .containerStatuses())
        .isEmpty();

    assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .untilAsserted(
            () ->
                assertThat(
                        api.forType(Node.class)
                            .get(null, "test-node")
                            .orElseThrow()
                            .status()
                            .daemonEndpoints()
                            .kubeletEndpoint()
                            .port())
                    .isEqualTo(port));
  }

  @Test
  void servesTheLogsOfAPodsContainer() throws Exception {
    createPod("chatty", "test-node");
    awaitRunning("chatty");
    String containerId =
        api.forType(Pod.class)
            .get("default", "chatty")
            .orElseThrow()
            .status()
            .containerStatuses()
            .getFirst()
            .containerID()
            .substring("fake://".length());
    FakeContainerRuntime fake = (FakeContainerRuntime) runtime;
    fake.appendLog(containerId, "first line");
    fake.appendLog(containerId, "second line");

    HttpResponse<String> all = get("/api/v1/namespaces/default/pods/chatty/log");
    assertThat(all.statusCode()).isEqualTo(200);
    assertThat(all.body()).isEqualTo("first line\nsecond line\n");
    assertThat(get("/api/v1/namespaces/default/pods/chatty/log?tailLines=1").body())
        .isEqualTo("second line\n");

    HttpResponse<String> wrongContainer =
        get("/api/v1/namespaces/default/pods/chatty/log?container=nope");
    assertThat(wrongContainer.statusCode()).isEqualTo(400);
    assertThat(wrongContainer.body()).contains("container nope is not valid for pod chatty");
    assertThat(get("/api/v1/namespaces/default/pods/absent/log").statusCode()).isEqualTo(404);
  }

  /** Creates a one-container pod in {@code default}, bound to {@code node}. */
  private void createPod(String name, String node) throws Exception {
    api.forType(Pod.class)
        .create(
            Json.yaml()
                .readValue(
                    """
                    metadata: {name: %s, namespace: default}
                    spec:
                      nodeName: %s
                      containers: [{name: app, image: "app:1"}]
                    """
                        .formatted(name, node),
                    Pod.class));
  }

  private void awaitRunning(String name) {
    PodPhases.awaitPhase(api, "default", name, "Running", Duration.ofSeconds(30));
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
