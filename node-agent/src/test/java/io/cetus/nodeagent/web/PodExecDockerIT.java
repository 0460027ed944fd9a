package io.cetus.nodeagent.web;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import io.cetus.api.core.Pod;
import io.cetus.api.json.Json;
import io.cetus.nodeagent.PodPhases;
import io.cetus.nodeagent.runtime.ContainerRuntime;
import io.cetus.nodeagent.runtime.RuntimeUnavailableException;
import io.cetus.nodeagent.runtime.docker.DockerContainerRuntime;
import io.cetus.nodeagent.runtime.docker.DockerRuntimeProperties;
import io.cetus.testsupport.client.FakeApiClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code exec} through the agent's WebSocket endpoint into a real container on the Docker engine,
 * as kubectl speaks it. Skipped when no engine answers or the air-gapped images are missing.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "platform.node-agent.node-name=exec-it-node",
      "platform.node-agent.runtime=docker",
      // a network of its own, on a subnet Docker picks, removed after the class
      "platform.node-agent.network=cetus-exec-it",
      "platform.node-agent.pod-network.subnet=",
      "platform.node-agent.pod-network.cluster-dns=",
      "platform.node-agent.heartbeat-interval=1s",
      "platform.node-agent.state-dir=${java.io.tmpdir}/cetus-node-agent-exec-it"
    })
class PodExecDockerIT {

  private static final String IMAGE = "cetus/demo-app:0.1.0";
  private static final String NODE = "exec-it-node";
  private static final String NETWORK = "cetus-exec-it";
  private static final Duration DEADLINE = Duration.ofSeconds(90);

  @TestConfiguration(proxyBeanMethods = false)
  static class InMemoryApi {
    @Bean
    FakeApiClient fakeApiClient() {
      return new FakeApiClient();
    }
  }

  @Autowired private FakeApiClient api;
  @Autowired private ContainerRuntime runtime;
  @LocalServerPort private int port;

  @BeforeAll
  static void checkForAnEngineWithTheImages() {
    try (DockerContainerRuntime docker =
        new DockerContainerRuntime(DockerRuntimeProperties.defaults(), Clock.systemUTC())) {
      docker.fingerprint();
      assumeTrue(
          docker.hasImage(IMAGE) && docker.hasImage("cetus/pause:1"),
          "images missing: run scripts/airgap-images.sh");
    } catch (RuntimeUnavailableException e) {
      assumeTrue(false, "no Docker engine answers: " + e.getMessage());
    }
  }

  @AfterEach
  void removeThePodsContainers() {
    api.forType(Pod.class)
        .list("default")
        .items()
        .forEach(pod -> api.forType(Pod.class).delete("default", pod.metadata().name()));
    // the agent may still be at the pods: remove what is left until the network goes too
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              runtime
                  .list(Map.of("io.cetus.node", NODE))
                  .forEach(c -> runtime.destroy(c.id(), true));
              runtime.removeNetwork(NETWORK);
            });
  }

  @Test
  void execInARealContainerDeliversStdoutStderrAndTheExitCode() throws Exception {
    runningPod("real-exec");

    ChannelClient client =
        ChannelClient.connect(
            ws(
                "real-exec",
                "exec?command=sh&command=-c&command=echo+out%3B+echo+err+%3E%262%3B+exit+3"
                    + "&stdout=true&stderr=true"),
            "v5.channel.k8s.io");

    assertThat(client.awaitClose()).isEqualTo(1000);
    assertThat(client.text(1)).isEqualTo("out\n");
    assertThat(client.text(2)).isEqualTo("err\n");
    JsonNode status = client.status();
    assertThat(status.path("reason").asString()).isEqualTo("NonZeroExitCode");
    assertThat(status.at("/details/causes/0/reason").asString()).isEqualTo("ExitCode");
    assertThat(status.at("/details/causes/0/message").asString()).isEqualTo("3");

    ChannelClient cat =
        ChannelClient.connect(
            ws("real-exec", "exec?command=cat&stdin=true&stdout=true&stderr=true"),
            "v5.channel.k8s.io");
    cat.send(0, "hello stdin\n");
    cat.send(255, (byte) 0);
    assertThat(cat.awaitClose()).isEqualTo(1000);
    assertThat(cat.text(1)).isEqualTo("hello stdin\n");
    assertThat(cat.status().path("status").asString()).isEqualTo("Success");

    ChannelClient missing =
        ChannelClient.connect(
            ws("real-exec", "exec?command=no-such-binary&stdout=true&stderr=true"),
            "v5.channel.k8s.io");
    assertThat(missing.awaitClose()).isEqualTo(1000);
    assertThat(missing.status().path("reason").asString()).isEqualTo("InternalError");
    assertThat(missing.status().path("message").asString()).contains("executable file not found");
    assertThat(missing.text(1)).isEmpty();
  }

  private void runningPod(String name) {
    Pod pod =
        Json.yaml()
            .readValue(
                """
                metadata: {name: %s, namespace: default}
                spec:
                  nodeName: %s
                  containers: [{name: app, image: "%s", imagePullPolicy: IfNotPresent}]
                """
                    .formatted(name, NODE, IMAGE),
                Pod.class);
    api.forType(Pod.class).create(pod);
    PodPhases.awaitPhase(api, "default", name, "Running", DEADLINE);
  }

  private URI ws(String pod, String pathAndQuery) {
    return URI.create(
        "ws://localhost:" + port + "/api/v1/namespaces/default/pods/" + pod + "/" + pathAndQuery);
  }
}
