package io.cetus.e2e.pods;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.cetus.e2e.support.CetusPlatform;
import io.cetus.e2e.support.Kubectl;
import io.cetus.e2e.support.TestNamespace;

import static io.cetus.e2e.support.Eventually.within;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A memory limit is a cgroup limit: a container that leaks past it is OOM-killed and restarted, and
 * a pod next to it on the same node keeps serving throughout.
 */
@ExtendWith(CetusPlatform.class)
class MemoryLimitE2E {

  private static final String NAMESPACE = "e2e-memory";

  @RegisterExtension static final TestNamespace namespace = new TestNamespace(NAMESPACE);
  private static final String NODE = CetusPlatform.NODES.get(1);

  private static final String POD =
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: %s
      spec:
        nodeSelector:
          kubernetes.io/hostname: %s
        containers:
          - name: app
            image: cetus/demo-app:0.1.0
            imagePullPolicy: IfNotPresent
            resources:
              limits:
                memory: %s
            # 1/1 once the JVM answers, not merely once the container started
            readinessProbe:
              httpGet: {path: /ready, port: 8080}
              periodSeconds: 1
      """;

  private final Kubectl kubectl;

  MemoryLimitE2E(Kubectl kubectl) {
    this.kubectl = kubectl;
  }

  @BeforeAll
  static void pods(Kubectl kubectl) {
    // The demo app's JVM takes ~50 MiB; the leaker has little room left, its neighbour plenty.
    kubectl.apply(NAMESPACE, POD.formatted("leaker", NODE, "64Mi"));
    kubectl.apply(NAMESPACE, POD.formatted("neighbour", NODE, "256Mi"));
  }

  @Test
  void aLeakingContainerIsOomKilledAndRestartedWhileItsNeighbourKeepsServing() {
    awaitRunning("leaker");
    awaitRunning("neighbour");
    assertThat(field("leaker", "{.spec.nodeName}")).isEqualTo(NODE);
    assertThat(field("neighbour", "{.spec.nodeName}")).isEqualTo(NODE);
    String neighbourContainer = field("neighbour", "{.status.containerStatuses[0].containerID}");

    assertThat(exec("leaker", "http://localhost:8080/memory/leak?mbPerSecond=4"))
        .contains("leaking: 4 MiB/s");

    // Until the leaker dies, every request to the neighbour is answered; a failed one fails the
    // test at once (not retried).
    List<String> answers = new ArrayList<>();
    within(Duration.ofSeconds(90), "the leaker OOM-killed")
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              Kubectl.Result answer =
                  kubectl.run(
                      "exec",
                      "neighbour",
                      "-n",
                      NAMESPACE,
                      "--",
                      "wget",
                      "-qO-",
                      "http://localhost:8080/echo?msg=still-serving");
              if (!answer.succeeded() || !answer.stdout().equals("still-serving")) {
                throw new IllegalStateException(
                    "the neighbour stopped answering during the leak: exit "
                        + answer.exitCode()
                        + " "
                        + answer.stderr()
                        + answer.stdout());
              }
              answers.add(answer.stdout());
              return "OOMKilled"
                  .equals(
                      field(
                          "leaker", "{.status.containerStatuses[0].lastState.terminated.reason}"));
            });
    assertThat(answers).isNotEmpty();

    assertThat(field("leaker", "{.status.containerStatuses[0].lastState.terminated.exitCode}"))
        .isEqualTo("137");
    within(Duration.ofSeconds(60), "the leaker restarted")
        .untilAsserted(
            () ->
                assertThat(kubectl.ok("get", "pod", "leaker", "-n", NAMESPACE))
                    .containsPattern("leaker\\s+1/1\\s+Running\\s+[1-9]"));
    assertThat(Integer.parseInt(field("leaker", "{.status.containerStatuses[0].restartCount}")))
        .isGreaterThanOrEqualTo(1);

    assertThat(kubectl.ok("get", "pod", "neighbour", "-n", NAMESPACE))
        .containsPattern("neighbour\\s+1/1\\s+Running\\s+0\\s");
    assertThat(field("neighbour", "{.status.containerStatuses[0].restartCount}")).isEqualTo("0");
    assertThat(field("neighbour", "{.status.containerStatuses[0].containerID}"))
        .isEqualTo(neighbourContainer);
    assertThat(exec("neighbour", "http://localhost:8080/echo?msg=after-the-leak"))
        .isEqualTo("after-the-leak");
  }

  private String exec(String pod, String url) {
    return kubectl.ok("exec", pod, "-n", NAMESPACE, "--", "wget", "-qO-", url);
  }

  private String field(String pod, String jsonpath) {
    return kubectl.jsonpath(NAMESPACE, "pod/" + pod, jsonpath);
  }

  private void awaitRunning(String pod) {
    within(Duration.ofSeconds(120), pod + " 1/1 Running")
        .untilAsserted(
            () ->
                assertThat(kubectl.ok("get", "pod", pod, "-n", NAMESPACE))
                    .containsPattern(pod + "\\s+1/1\\s+Running"));
  }
}
