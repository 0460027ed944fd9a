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

/**
 * What a user gets wrong: an image that exists nowhere shows as a pull error on that pod only, and
 * invalid specs are refused at once with a 422 that names the field.
 */
@ExtendWith(CetusPlatform.class)
class BadInputE2E {

  private static final String NAMESPACE = "e2e-bad-input";

  @RegisterExtension static final TestNamespace namespace = new TestNamespace(NAMESPACE);
  private static final String NODE = CetusPlatform.NODES.get(0);

  private static final String POD_ON_NODE =
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
            image: %s
            imagePullPolicy: IfNotPresent
      """;

  private final Kubectl kubectl;

  BadInputE2E(Kubectl kubectl) {
    this.kubectl = kubectl;
  }

  @Test
  void anImageThatDoesNotExistIsAPullErrorAndTheNodeKeepsRunningOtherPods() {
    kubectl.apply(
        NAMESPACE, POD_ON_NODE.formatted("no-such-image", NODE, "cetus/no-such-image:0.0.1"));

    within(Duration.ofSeconds(90), "no-such-image in ErrImagePull or ImagePullBackOff")
        .untilAsserted(
            () ->
                assertThat(kubectl.ok("get", "pod", "no-such-image", "-n", NAMESPACE))
                    .containsPattern(
                        "no-such-image\\s+0/1\\s+(ErrImagePull|ImagePullBackOff)\\s+0"));
    assertThat(
            kubectl.jsonpath(
                NAMESPACE,
                "pod/no-such-image",
                "{.status.containerStatuses[0].state.waiting.reason}"))
        .isIn("ErrImagePull", "ImagePullBackOff");
    assertThat(kubectl.ok("describe", "pod", "no-such-image", "-n", NAMESPACE))
        .containsPattern(
            "Warning\\s+Failed\\s+.*Failed to pull image \"cetus/no-such-image:0.0.1\"")
        .containsPattern("Warning\\s+Failed\\s+.*Error: ErrImagePull");

    // The same agent starts a pod that comes after the broken one.
    kubectl.apply(
        NAMESPACE, POD_ON_NODE.formatted("after-the-bad-image", NODE, "cetus/demo-app:0.1.0"));
    within(Duration.ofSeconds(120), "after-the-bad-image 1/1 Running")
        .untilAsserted(
            () ->
                assertThat(kubectl.ok("get", "pod", "after-the-bad-image", "-n", NAMESPACE))
                    .containsPattern("after-the-bad-image\\s+1/1\\s+Running\\s+0\\s"));
    assertThat(kubectl.jsonpath(NAMESPACE, "pod/after-the-bad-image", "{.spec.nodeName}"))
        .isEqualTo(NODE);
    assertThat(kubectl.ok("get", "pod", "no-such-image", "-n", NAMESPACE))
        .containsPattern("no-such-image\\s+0/1\\s+(ErrImagePull|ImagePullBackOff)\\s+0");
  }

  @Test
  void aNegativeProbePeriodIsRefusedNamingTheField() {
    assertRefused(
        "bad-period",
        """
            livenessProbe:
              httpGet: {path: /healthy, port: 8080}
              periodSeconds: -1
        """,
        "spec.containers[0].livenessProbe.periodSeconds: Invalid value: -1");
  }

  @Test
  void aProbeWithoutAHandlerIsRefusedNamingTheField() {
    assertRefused(
        "no-handler",
        """
            readinessProbe:
              periodSeconds: 1
        """,
        "spec.containers[0].readinessProbe: Required value: must specify a handler type");
  }

  @Test
  void aNegativeMemoryLimitIsRefusedNamingTheField() {
    assertRefused(
        "negative-memory",
        """
            resources:
              limits:
                memory: -64Mi
        """,
        "spec.containers[0].resources.limits[memory]: Invalid value: \"-64Mi\"");
  }

  /** Applies a demo-app pod with {@code containerFields} added to its container; expects a 422. */
  private void assertRefused(String name, String containerFields, String message) {
    String manifest =
        """
        apiVersion: v1
        kind: Pod
        metadata:
          name: %s
        spec:
          containers:
            - name: app
              image: cetus/demo-app:0.1.0
        %s\
        """
            // the fields' own indentation removed, then that of a container's fields
            .formatted(
                name, String.join("\n", containerFields.lines().toList()).stripIndent().indent(6));

    // -v=6 makes kubectl print each request's status line
    Kubectl.Result result =
        kubectl.runWithInput(manifest, "apply", "-n", NAMESPACE, "-f", "-", "-v=6");

    assertThat(result.exitCode()).as(result.stderr()).isEqualTo(1);
    assertThat(result.stderr())
        .containsPattern("POST .*/namespaces/" + NAMESPACE + "/pods\\S* 422 Unprocessable Entity")
        .contains("The Pod \"" + name + "\" is invalid:", message);
    assertThat(kubectl.run("get", "pod", name, "-n", NAMESPACE).stderr())
        .contains("pods \"" + name + "\" not found");
  }
}
