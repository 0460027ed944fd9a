package io.cetus.e2e.pods;

import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.cetus.e2e.support.CetusPlatform;
import io.cetus.e2e.support.Kubectl;
import io.cetus.e2e.support.TestNamespace;

import static io.cetus.e2e.support.Eventually.within;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Liveness and readiness probes on real containers: the demo app's health switches, flipped through
 * {@code kubectl exec}, make a container restart (liveness) or leave the pod's endpoints
 * (readiness), and {@code kubectl get} and {@code describe} show it as on Kubernetes.
 */
@ExtendWith(CetusPlatform.class)
class ProbesE2E {

  private static final String NAMESPACE = "e2e-probes";

  @RegisterExtension static final TestNamespace namespace = new TestNamespace(NAMESPACE);

  /**
   * The demo app probed every second. The startup probe holds the other two back until the JVM
   * answers, however slow the machine, so only a switch makes a probe fail.
   */
  private static final String PROBED_POD =
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: %s
      spec:
        terminationGracePeriodSeconds: 2
        containers:
          - name: app
            image: cetus/demo-app:0.1.0
            imagePullPolicy: IfNotPresent
            ports:
              - containerPort: 8080
            startupProbe:
              httpGet: {path: /healthy, port: 8080}
              periodSeconds: 1
              failureThreshold: 120
            livenessProbe:
              httpGet: {path: /healthy, port: 8080}
              periodSeconds: 1
              failureThreshold: 2
            readinessProbe:
              httpGet: {path: /ready, port: 8080}
              periodSeconds: 1
              failureThreshold: 1
      """;

  /** Started once /healthy answers; kept alive by its port alone. */
  private static final String STARTUP_POD =
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: startup
      spec:
        terminationGracePeriodSeconds: 2
        containers:
          - name: app
            image: cetus/demo-app:0.1.0
            imagePullPolicy: IfNotPresent
            startupProbe:
              httpGet: {path: /healthy, port: 8080}
              periodSeconds: 1
              failureThreshold: 3
            livenessProbe:
              tcpSocket: {port: 8080}
              periodSeconds: 1
      """;

  private final Kubectl kubectl;

  ProbesE2E(Kubectl kubectl) {
    this.kubectl = kubectl;
  }

  @BeforeAll
  static void pods(Kubectl kubectl) {
    kubectl.apply(NAMESPACE, PROBED_POD.formatted("liveness"));
    kubectl.apply(NAMESPACE, PROBED_POD.formatted("readiness"));
  }

  @Test
  void aContainerWhoseLivenessProbeFailsIsRestarted() {
    awaitReady("liveness");
    assertThat(restartCount("liveness")).isEqualTo("0");
    String firstContainer = containerId("liveness");

    assertThat(switchOff("liveness", "healthy")).isEqualTo("healthy=false\n");

    within(Duration.ofSeconds(90), "liveness restarted and ready again")
        .untilAsserted(
            () ->
                assertThat(kubectl.ok("get", "pod", "liveness", "-n", NAMESPACE))
                    // RESTARTS shows the count and how long ago: "1 (5s ago)"
                    .containsPattern("liveness\\s+1/1\\s+Running\\s+1 \\(\\w+ ago\\)"));
    assertThat(containerId("liveness")).isNotEqualTo(firstContainer);
    assertThat(
            kubectl.jsonpath(
                NAMESPACE,
                "pod/liveness",
                "{.status.containerStatuses[0].lastState.terminated.containerID}"))
        .isEqualTo(firstContainer);
    String described = kubectl.ok("describe", "pod", "liveness", "-n", NAMESPACE);
    assertThat(described)
        .containsPattern(
            "Warning\\s+Unhealthy\\s+.*Liveness probe failed: HTTP probe failed with statuscode:"
                + " 500")
        .containsPattern(
            "Normal\\s+Killing\\s+.*Container app failed liveness probe, will be restarted");
  }

  @Test
  void aPodWhoseReadinessProbeFailsIsNotReadyAndNotRestarted() {
    awaitReady("readiness");

    assertThat(switchOff("readiness", "ready")).isEqualTo("ready=false\n");

    within(Duration.ofSeconds(60), "readiness 0/1 with Ready=False")
        .untilAsserted(
            () -> {
              assertThat(kubectl.ok("get", "pod", "readiness", "-n", NAMESPACE))
                  .containsPattern("readiness\\s+0/1\\s+Running\\s+0\\s");
              assertThat(readyCondition("readiness")).isEqualTo("False");
            });
    assertThat(
            kubectl.jsonpath(
                NAMESPACE, "pod/readiness", "{.status.conditions[?(@.type==\"Ready\")].reason}"))
        .isEqualTo("ContainersNotReady");
    assertThat(kubectl.ok("describe", "pod", "readiness", "-n", NAMESPACE))
        .containsPattern(
            "Warning\\s+Unhealthy\\s+.*Readiness probe failed: HTTP probe failed with statuscode:"
                + " 503");

    kubectl.ok(
        "exec",
        "readiness",
        "-n",
        NAMESPACE,
        "--",
        "wget",
        "-qO-",
        "http://localhost:8080/switch/ready?on=true");
    within(Duration.ofSeconds(60), "readiness 1/1 again")
        .untilAsserted(
            () -> {
              assertThat(kubectl.ok("get", "pod", "readiness", "-n", NAMESPACE))
                  .containsPattern("readiness\\s+1/1\\s+Running\\s+0\\s");
              assertThat(readyCondition("readiness")).isEqualTo("True");
            });
  }

  @Test
  void aStartupProbeIsNotRunOnceItHasSucceeded() {
    kubectl.apply(NAMESPACE, STARTUP_POD);
    awaitReady("startup");

    assertThat(switchOff("startup", "healthy")).isEqualTo("healthy=false\n");

    // three failures, a second apart, would restart it; give them twice that
    await("startup left running")
        .during(Duration.ofSeconds(6))
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () ->
                assertThat(kubectl.ok("get", "pod", "startup", "-n", NAMESPACE))
                    .containsPattern("startup\\s+1/1\\s+Running\\s+0\\s"));
    assertThat(kubectl.ok("describe", "pod", "startup", "-n", NAMESPACE))
        .doesNotContain("failed startup probe")
        .doesNotContain("Startup probe failed: HTTP probe failed with statuscode: 500");
  }

  private String switchOff(String pod, String what) {
    return kubectl.ok(
        "exec",
        pod,
        "-n",
        NAMESPACE,
        "--",
        "wget",
        "-qO-",
        "http://localhost:8080/switch/" + what + "?on=false");
  }

  private void awaitReady(String pod) {
    within(Duration.ofSeconds(120), pod + " 1/1 Running")
        .untilAsserted(
            () ->
                assertThat(kubectl.ok("get", "pod", pod, "-n", NAMESPACE))
                    .containsPattern(pod + "\\s+1/1\\s+Running"));
  }

  private String readyCondition(String pod) {
    return kubectl.jsonpath(
        NAMESPACE, "pod/" + pod, "{.status.conditions[?(@.type==\"Ready\")].status}");
  }

  private String restartCount(String pod) {
    return kubectl.jsonpath(NAMESPACE, "pod/" + pod, "{.status.containerStatuses[0].restartCount}");
  }

  private String containerId(String pod) {
    return kubectl.jsonpath(NAMESPACE, "pod/" + pod, "{.status.containerStatuses[0].containerID}");
  }
}
