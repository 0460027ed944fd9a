package io.cetus.e2e.pods;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.cetus.e2e.support.CetusPlatform;
import io.cetus.e2e.support.Kubectl;
import io.cetus.e2e.support.TestNamespace;

import static io.cetus.e2e.support.Eventually.within;
import static org.assertj.core.api.Assertions.assertThat;

/** Where the scheduler puts pods on the two nodes, and what it says when a pod fits nowhere. */
@ExtendWith(CetusPlatform.class)
class SchedulingE2E {

  private static final String NAMESPACE = "e2e-scheduling";

  @RegisterExtension static final TestNamespace namespace = new TestNamespace(NAMESPACE);

  private static final String POD =
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: %s
        labels:
          app: %s
      spec:
        containers:
          - name: app
            image: cetus/demo-app:0.1.0
            imagePullPolicy: IfNotPresent
            resources:
              requests:
                memory: %s
      """;

  private final Kubectl kubectl;

  SchedulingE2E(Kubectl kubectl) {
    this.kubectl = kubectl;
  }

  @Test
  void twoPodsOfOneAppLandOnDifferentNodes() {
    kubectl.apply(
        NAMESPACE,
        POD.formatted("spread-a", "spread", "32Mi")
            + "---\n"
            + POD.formatted("spread-b", "spread", "32Mi"));

    within(Duration.ofSeconds(60), "both pods scheduled")
        .untilAsserted(
            () ->
                assertThat(
                        kubectl.ok(
                            "get",
                            "pods",
                            "-n",
                            NAMESPACE,
                            "-l",
                            "app=spread",
                            "--no-headers",
                            "-o",
                            "custom-columns=NODE:.spec.nodeName"))
                    .doesNotContain("<none>")
                    .hasLineCount(2));
    String nodeA = kubectl.jsonpath(NAMESPACE, "pod/spread-a", "{.spec.nodeName}");
    String nodeB = kubectl.jsonpath(NAMESPACE, "pod/spread-b", "{.spec.nodeName}");
    assertThat(nodeA).isIn(CetusPlatform.NODES);
    assertThat(nodeB).isIn(CetusPlatform.NODES).isNotEqualTo(nodeA);
    assertThat(kubectl.ok("get", "pods", "-n", NAMESPACE, "-l", "app=spread", "-o", "wide"))
        .containsPattern("spread-a\\s+.*\\s" + nodeA + "\\s")
        .containsPattern("spread-b\\s+.*\\s" + nodeB + "\\s");
  }

  @Test
  void aPodThatFitsNoNodeStaysPendingWithTheReason() {
    kubectl.apply(NAMESPACE, POD.formatted("huge", "huge", "100Ti"));

    within(Duration.ofSeconds(60), "a FailedScheduling event for huge")
        .untilAsserted(
            () ->
                assertThat(kubectl.ok("describe", "pod", "huge", "-n", NAMESPACE))
                    .containsPattern("Warning\\s+FailedScheduling\\s+.*Insufficient memory"));
    assertThat(kubectl.ok("get", "pod", "huge", "-n", NAMESPACE))
        .containsPattern("huge\\s+0/1\\s+Pending\\s+0\\s");
    assertThat(kubectl.jsonpath(NAMESPACE, "pod/huge", "{.spec.nodeName}")).isEmpty();
    assertThat(
            kubectl.jsonpath(
                NAMESPACE,
                "pod/huge",
                "{.status.conditions[?(@.type==\"PodScheduled\")].status}"
                    + " {.status.conditions[?(@.type==\"PodScheduled\")].reason}"))
        .isEqualTo("False Unschedulable");
  }
}
