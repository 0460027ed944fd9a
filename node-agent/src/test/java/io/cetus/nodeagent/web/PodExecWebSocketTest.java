package io.cetus.nodeagent.web;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import io.cetus.api.core.Pod;
import io.cetus.api.json.Json;
import io.cetus.nodeagent.runtime.ContainerRuntime;
import io.cetus.nodeagent.runtime.ExecResult;
import io.cetus.nodeagent.runtime.fake.FakeContainerRuntime;
import io.cetus.nodeagent.runtime.fake.FakeProcess;
import io.cetus.testsupport.client.FakeApiClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * {@code exec} through the agent's real WebSocket endpoint, on the fake runtime, with the JDK's
 * WebSocket client speaking {@code v5.channel.k8s.io} or {@code v4.channel.k8s.io} as kubectl and
 * client libraries do.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "platform.node-agent.node-name=exec-node",
      "platform.node-agent.runtime=fake",
      "platform.node-agent.fake-images=app:1,done:1,echoer:1",
      "platform.node-agent.heartbeat-interval=200ms",
      "platform.node-agent.state-dir=${java.io.tmpdir}/cetus-node-agent-exec-test"
    })
class PodExecWebSocketTest {

  private static final String V5 = "v5.channel.k8s.io";
  private static final String V4 = "v4.channel.k8s.io";

  @TestConfiguration(proxyBeanMethods = false)
  static class Fakes {
    @Bean
    FakeApiClient fakeApiClient() {
      return new FakeApiClient();
    }

    @Bean
    InitializingBean scriptedContainers(ContainerRuntime runtime) {
      return () -> script((FakeContainerRuntime) runtime);
    }
  }

  /** The main process of {@code echoer:1}: echoes each stdin line, exits 7 after "quit". */
  private static void echoLines(FakeProcess process) {
    new BufferedReader(new InputStreamReader(process.stdin(), StandardCharsets.UTF_8))
        .lines()
        .forEach(
            line -> {
              process.stdout("echo: " + line + "\n");
              process.stderr("seen\n");
              if (line.equals("quit")) {
                process.exit(7);
              }
            });
  }

  static void script(FakeContainerRuntime runtime) {
    runtime
        .onStart(spec -> spec.image().equals("done:1"), process -> process.exit(0))
        .onStart(
            spec -> spec.image().equals("echoer:1"),
            process -> Thread.ofVirtual().start(() -> echoLines(process)))
        .scriptExec(
            List.of("sh", "-c", "echo out; echo err >&2; exit 3"),
            new ExecResult(3, "out\n", "err\n"))
        .scriptExec(List.of("echo", "hello world"), new ExecResult(0, "hello world\n", ""))
        .onExec(
            command -> command.equals(List.of("cat")),
            exec -> {
              byte[] buffer = new byte[8192];
              InputStream in = exec.stdin();
              int n;
              while ((n = in.read(buffer)) >= 0) {
                exec.stdout(java.util.Arrays.copyOf(buffer, n));
              }
              return 0;
            })
        .onExec(
            command -> command.equals(List.of("head", "-n", "1")),
            exec -> {
              StringBuilder line = new StringBuilder();
              int c;
              while ((c = exec.stdin().read()) >= 0 && c != '\n') {
                line.append((char) c);
              }
              exec.stdout(line + "\n");
              exec.stderr("done\n");
              return 0;
            });
  }

  @Autowired private FakeApiClient api;
  @LocalServerPort private int port;

  @Test
  void deliversStdoutAndStderrOnTheirChannelsAndTheExitCodeAsNonZeroExitCode() throws Exception {
    runningPod("exit3", "app:1");

    ChannelClient client =
        ChannelClient.connect(
            ws(
                "exit3",
                "exec?command=sh&command=-c&command=echo+out%3B+echo+err+%3E%262%3B+exit+3"
                    + "&stdout=true&stderr=true"),
            V5);

    assertThat(client.awaitClose()).isEqualTo(1000);
    assertThat(client.protocol()).isEqualTo(V5);
    assertThat(client.text(1)).isEqualTo("out\n");
    assertThat(client.text(2)).isEqualTo("err\n");
    JsonNode status = client.status();
    assertThat(status.path("status").asString()).isEqualTo("Failure");
    assertThat(status.path("reason").asString()).isEqualTo("NonZeroExitCode");
    assertThat(status.at("/details/causes/0/reason").asString()).isEqualTo("ExitCode");
    assertThat(status.at("/details/causes/0/message").asString()).isEqualTo("3");
    assertThat(client.frames().getLast().channel()).isEqualTo(3);
  }

  @Test
  void successIsAStatusOnChannelThreeThenANormalClose() throws Exception {
    runningPod("hello", "app:1");

    ChannelClient client =
        ChannelClient.connect(
            ws("hello", "exec?command=echo&command=hello%20world&stdout=true&stderr=true"), V5);

    assertThat(client.awaitClose()).isEqualTo(1000);
    assertThat(client.text(1)).isEqualTo("hello world\n");
    assertThat(client.status().path("status").asString()).isEqualTo("Success");
  }

  @Test
  void stdinReachesTheProcessAndTheCloseSignalEndsIt() throws Exception {
    runningPod("cat", "app:1");

    ChannelClient client =
        ChannelClient.connect(ws("cat", "exec?command=cat&stdin=true&stdout=true&stderr=true"), V5);
    client.send(0, "hello stdin\n");
    client.send(0, "line2\n");
    client.send(255, (byte) 0);

    assertThat(client.awaitClose()).isEqualTo(1000);
    assertThat(client.text(1)).isEqualTo("hello stdin\nline2\n");
    assertThat(client.status().path("status").asString()).isEqualTo("Success");
  }

  @Test
  void speaksV4ForClientLibrariesWithoutTheCloseSignal() throws Exception {
    runningPod("v4", "app:1");

    ChannelClient client =
        ChannelClient.connect(
            ws("v4", "exec?command=head&command=-n&command=1&stdin=true&stdout=true&stderr=true"),
            V4);
    assertThat(client.protocol()).isEqualTo(V4);
    client.send(0, "first\nsecond\n");

    assertThat(client.awaitClose()).isEqualTo(1000);
    assertThat(client.text(1)).isEqualTo("first\n");
    assertThat(client.text(2)).isEqualTo("done\n");
    assertThat(client.status().path("status").asString()).isEqualTo("Success");
  }

  @Test
  void aTerminalMergesStderrIntoChannelOne() throws Exception {
    runningPod("tty", "app:1");

    ChannelClient client =
        ChannelClient.connect(
            ws("tty", "exec?command=head&command=-n&command=1&stdin=true&stdout=true&tty=true"),
            V5);
    client.send(4, "{\"Width\":100,\"Height\":30}\n");
    client.send(0, "typed\n");

    assertThat(client.awaitClose()).isEqualTo(1000);
    assertThat(client.text(1)).isEqualTo("typed\ndone\n");
    assertThat(client.text(2)).isEmpty();
  }

  @Test
  void attachStreamsTheMainProcessAndEndsWithSuccessWhenItExits() throws Exception {
    Pod pod =
        Json.yaml()
            .readValue(
                """
                metadata: {name: attached, namespace: default}
                spec:
                  nodeName: exec-node
                  restartPolicy: Never
                  containers: [{name: c0, image: "echoer:1", stdin: true}]
                """,
                Pod.class);
    api.forType(Pod.class).create(pod);
    await().atMost(Duration.ofSeconds(30)).until(() -> "Running".equals(phase("attached")));

    ChannelClient client =
        ChannelClient.connect(
            ws("attached", "attach?container=c0&stdin=true&stdout=true&stderr=true"), V5);
    client.send(0, "hi\n");
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> assertThat(client.text(1) + "|" + client.text(3)).isEqualTo("echo: hi\n|"));
    client.send(0, "quit\n");

    assertThat(client.awaitClose()).isEqualTo(1000);
    assertThat(client.text(1)).isEqualTo("echo: hi\necho: quit\n");
    assertThat(client.text(2)).isEqualTo("seen\nseen\n");
    assertThat(client.status().path("status").asString()).isEqualTo("Success");
  }

  @Test
  void aCommandThatCannotStartIsAFailureStatus() throws Exception {
    runningPod("missing", "app:1");

    ChannelClient client =
        ChannelClient.connect(ws("missing", "exec?command=nope&stdout=true&stderr=true"), V5);

    assertThat(client.awaitClose()).isEqualTo(1000);
    JsonNode status = client.status();
    assertThat(status.path("status").asString()).isEqualTo("Failure");
    assertThat(status.path("reason").asString()).isEqualTo("InternalError");
    assertThat(status.path("message").asString()).contains("executable file not found");
    assertThat(client.text(1)).isEmpty();
  }

  @Test
  void errorsBeforeTheUpgradeArePlainStatusAnswers() throws Exception {
    runningPod("plain", "app:1");
    runningPod("two", "app:1", "app:1");

    assertStatus(get("absent", "exec?command=ls&stdout=true"), 404, "NotFound");
    assertStatus(get("plain", "exec?stdout=true"), 400, "BadRequest")
        .contains("at least 1 command");
    assertStatus(get("plain", "exec?command=ls&container=nope&stdout=true"), 400, "BadRequest")
        .contains("container nope is not valid for pod plain");
    assertStatus(get("two", "exec?command=ls&stdout=true"), 400, "BadRequest")
        .contains("choose one of: [c0, c1]");
    assertStatus(get("plain", "exec?command=ls&stdout=true"), 400, "BadRequest")
        .contains("Upgrade request required");

    assertThatThrownBy(() -> ChannelClient.connect(ws("absent", "exec?command=ls&stdout=true"), V5))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOfSatisfying(
            WebSocketHandshakeException.class,
            e -> assertThat(e.getResponse().statusCode()).isEqualTo(404));
  }

  @Test
  void aContainerThatIsNotRunningCannotBeExecedInto() throws Exception {
    Pod pod =
        Json.yaml()
            .readValue(
                """
                metadata: {name: finished, namespace: default}
                spec:
                  nodeName: exec-node
                  restartPolicy: Never
                  containers: [{name: c0, image: "done:1"}]
                """,
                Pod.class);
    api.forType(Pod.class).create(pod);
    await().atMost(Duration.ofSeconds(30)).until(() -> "Succeeded".equals(phase("finished")));

    assertStatus(get("finished", "exec?command=ls&stdout=true"), 400, "BadRequest")
        .contains("container c0 in pod finished is not running");
  }

  private org.assertj.core.api.AbstractStringAssert<?> assertStatus(
      HttpResponse<String> response, int code, String reason) {
    assertThat(response.statusCode()).isEqualTo(code);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    JsonNode status = Json.mapper().readTree(response.body());
    assertThat(status.path("kind").asString()).isEqualTo("Status");
    assertThat(status.path("reason").asString()).isEqualTo(reason);
    assertThat(status.path("code").asInt()).isEqualTo(code);
    return assertThat(status.path("message").asString());
  }

  private void runningPod(String name, String... images) {
    StringBuilder containers = new StringBuilder();
    for (int i = 0; i < images.length; i++) {
      containers
          .append(i == 0 ? "" : ", ")
          .append("{name: c" + i + ", image: \"" + images[i] + "\"}");
    }
    Pod pod =
        Json.yaml()
            .readValue(
                """
                metadata: {name: %s, namespace: default}
                spec:
                  nodeName: exec-node
                  containers: [%s]
                """
                    .formatted(name, containers),
                Pod.class);
    api.forType(Pod.class).create(pod);
    await().atMost(Duration.ofSeconds(30)).until(() -> "Running".equals(phase(name)));
  }

  private String phase(String name) {
    return api.forType(Pod.class).get("default", name).orElseThrow().status().phase();
  }

  private URI ws(String pod, String pathAndQuery) {
    return URI.create(
        "ws://localhost:" + port + "/api/v1/namespaces/default/pods/" + pod + "/" + pathAndQuery);
  }

  private HttpResponse<String> get(String pod, String pathAndQuery) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://localhost:"
                            + port
                            + "/api/v1/namespaces/default/pods/"
                            + pod
                            + "/"
                            + pathAndQuery))
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
