package io.cetus.e2e.pods;

import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.cetus.e2e.support.CetusPlatform;
import io.cetus.e2e.support.Kubectl;
import io.cetus.e2e.support.RepositoryRoot;
import io.cetus.e2e.support.TestNamespace;

import static io.cetus.e2e.support.Eventually.within;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code examples/simple-echo.yaml} on real containers: two containers of one pod share localhost,
 * and {@code kubectl logs} and {@code kubectl exec} reach them through the gateway and the pod's
 * node agent.
 */
@ExtendWith(CetusPlatform.class)
class PodsE2E {

  private static final String NAMESPACE = "e2e-pods";

  @RegisterExtension static final TestNamespace namespace = new TestNamespace(NAMESPACE);
  private static final String EXAMPLE =
      RepositoryRoot.find().resolve("examples/simple-echo.yaml").toString();

  /** The container of simple-echo that forwards port 80 to localhost:8080. */
  private static final String PROXY = "nginx";

  private final Kubectl kubectl;

  PodsE2E(Kubectl kubectl) {
    this.kubectl = kubectl;
  }

  @BeforeAll
  static void applySimpleEcho(Kubectl kubectl) {
    assertThat(kubectl.ok("apply", "-n", NAMESPACE, "-f", EXAMPLE))
        .contains("pod/simple-echo created");
  }

  @Test
  void bothContainersRun() {
    awaitRunning();

    assertThat(kubectl.ok("get", "pod", "simple-echo", "-n", NAMESPACE))
        .containsPattern("simple-echo\\s+2/2\\s+Running\\s+0\\s");
    assertThat(
            kubectl.jsonpath(
                NAMESPACE,
                "pod/simple-echo",
                "{range .status.containerStatuses[*]}{.name}={.ready},{end}"))
        .contains("nginx=true", "echo=true");
  }

  @Test
  void theProxyContainerReachesTheEchoContainerOnLocalhost() {
    awaitRunning();

    String direct =
        kubectl.ok(
            "exec",
            "simple-echo",
            "-n",
            NAMESPACE,
            "-c",
            PROXY,
            "--",
            "wget",
            "-qO-",
            "http://localhost:8080/echo?msg=hello-from-the-proxy-container");
    assertThat(direct).isEqualTo("hello-from-the-proxy-container");
    // and the proxy's own port forwards to the echo container, as the example says
    String proxied =
        kubectl.ok(
            "exec",
            "simple-echo",
            "-n",
            NAMESPACE,
            "-c",
            "echo",
            "--",
            "wget",
            "-qO-",
            "http://localhost:80/echo?msg=through-the-proxy");
    assertThat(proxied).isEqualTo("through-the-proxy");
  }

  @Test
  void logsShowWhatTheEchoContainerPrinted() {
    awaitRunning();
    kubectl.ok(
        "exec",
        "simple-echo",
        "-n",
        NAMESPACE,
        "-c",
        PROXY,
        "--",
        "wget",
        "-qO-",
        "http://localhost:8080/echo?msg=logged");

    within(Duration.ofSeconds(30), "the echo request in the echo container's log")
        .untilAsserted(
            () ->
                assertThat(kubectl.ok("logs", "simple-echo", "-n", NAMESPACE, "-c", "echo"))
                    .containsPattern("GET /echo 200 \\d+ms"));
    assertThat(kubectl.ok("logs", "simple-echo", "-n", NAMESPACE, "-c", PROXY))
        .doesNotContain("GET /echo 200");
  }

  @Test
  void execEndsWithTheCommandsExitCode() {
    awaitRunning();

    Kubectl.Result three =
        kubectl.run(
            "exec", "simple-echo", "-n", NAMESPACE, "-c", "echo", "--", "sh", "-c", "exit 3");
    assertThat(three.exitCode()).as(three.stderr()).isEqualTo(3);

    Kubectl.Result printed =
        kubectl.run(
            "exec",
            "simple-echo",
            "-n",
            NAMESPACE,
            "-c",
            "echo",
            "--",
            "sh",
            "-c",
            "echo out; echo err >&2");
    assertThat(printed.exitCode()).as(printed.stderr()).isZero();
    assertThat(printed.stdout()).isEqualTo("out\n");
    assertThat(printed.stderr()).isEqualTo("err\n");
  }

  private void awaitRunning() {
    within(Duration.ofSeconds(120), "simple-echo 2/2 Running")
        .untilAsserted(
            () ->
                assertThat(kubectl.ok("get", "pod", "simple-echo", "-n", NAMESPACE))
                    .containsPattern("simple-echo\\s+2/2\\s+Running"));
    // The example has no readiness probes: its containers count as ready once started, a moment
    // before their JVMs listen.
    within(Duration.ofSeconds(60), "both of simple-echo's servers listening")
        .untilAsserted(
            () ->
                kubectl.ok(
                    "exec",
                    "simple-echo",
                    "-n",
                    NAMESPACE,
                    "-c",
                    "echo",
                    "--",
                    "wget",
                    "-qO-",
                    "http://localhost:8080/healthy",
                    "http://localhost:80/healthy"));
  }
}
