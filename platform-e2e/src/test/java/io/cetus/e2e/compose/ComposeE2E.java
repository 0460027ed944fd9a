package io.cetus.e2e.compose;

import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.cetus.e2e.support.ComposeProject;
import io.cetus.e2e.support.Kubectl;
import io.cetus.e2e.support.RepositoryRoot;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compose deployment as a user runs it where no registry can be reached: {@code
 * scripts/airgap-images.sh --services} builds every image from local files (the service jars come
 * from this Maven run), {@code docker-compose --env-file airgap.env up -d} starts Redis, every
 * service and two node agents, and the stock kubectl with the repository's kubeconfig (only the
 * port changed) drives it through the gateway: nodes, a two-container pod, its logs and exec. The
 * cluster's objects outlive {@code down} and {@code up} (Redis' append-only file on a volume) and
 * its pod runs again; {@code down -v} leaves no container, network, volume or pod container.
 *
 * <p>Runs as a compose project of its own (unique {@code -p}, port 28480 or a free one, its own pod
 * network), so a developer's cluster and the other end-to-end tests are left alone; it is taken
 * down even when a step fails. Skipped without a Docker engine or compose.
 */
class ComposeE2E {

  private static final Duration START_TIMEOUT = Duration.ofMinutes(8);
  private static final Duration POD_TIMEOUT = Duration.ofMinutes(3);

  @Test
  void composeRunsTheClusterAndKeepsItsObjectsOverDownAndUp() {
    ComposeProject.unavailable()
        .ifPresent(reason -> Assumptions.abort("compose deployment not tested: " + reason));
    try (ComposeProject compose = ComposeProject.create()) {
      try {
        upDownAndUpAgain(compose);
      } catch (AssertionError | RuntimeException e) {
        System.err.println("compose project " + compose.project() + " failed; its logs:");
        System.err.println(compose.logs());
        throw e;
      }
    }
  }

  private static void upDownAndUpAgain(ComposeProject compose) {
    Kubectl kubectl = compose.kubectl();
    compose.buildImages();

    long upStarted = System.nanoTime();
    compose.up();
    compose.awaitHealthy(START_TIMEOUT);
    System.out.printf(
        "compose project %s: every service healthy %.1f s after up started%n",
        compose.project(), (System.nanoTime() - upStarted) / 1e9);

    awaitNodesReady(kubectl);
    kubectl.ok(
        "apply", "-f", RepositoryRoot.find().resolve("examples/simple-echo.yaml").toString());
    kubectl.ok("create", "service", "clusterip", "simple-echo", "--tcp=80:80");
    awaitRunning(kubectl, "simple-echo");
    String uid = kubectl.ok("get", "pod", "simple-echo", "-o", "jsonpath={.metadata.uid}");
    assertThat(compose.podContainers(uid)).as("the pod's containers").isNotEmpty();

    // logs and exec go through the gateway to the agent in its container, by its InternalIP
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(kubectl.ok("logs", "simple-echo", "-c", "echo"))
                    .contains("listening on port 8080"));
    assertExecWorks(kubectl);
    // the service proxy on the host: the pod reaches its own Service by name, through the cluster
    // DNS and the Service's cluster IP
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(
                        kubectl.ok(
                            "exec",
                            "simple-echo",
                            "-c",
                            "echo",
                            "--",
                            "wget",
                            "-qO-",
                            "http://simple-echo/hostname"))
                    .isEqualTo("simple-echo\n"));

    // down keeps the objects in Redis' volume; the agents remove their pods' containers
    compose.down(false);
    assertThat(compose.containers()).as("containers after down").isEmpty();
    assertThat(compose.podContainers(uid)).as("pod containers after down").isEmpty();
    assertThat(compose.networks()).as("networks after down").isEmpty();

    compose.up();
    compose.awaitHealthy(START_TIMEOUT);
    awaitRunning(kubectl, "simple-echo");
    assertThat(kubectl.ok("get", "pod", "simple-echo", "-o", "jsonpath={.metadata.uid}"))
        .as("the same pod object")
        .isEqualTo(uid);
    assertThat(kubectl.ok("get", "service", "simple-echo", "-o", "name"))
        .contains("service/simple-echo");
    assertExecWorks(kubectl);

    compose.down(true);
    assertThat(compose.containers()).as("containers after down -v").isEmpty();
    assertThat(compose.podContainers(uid)).as("pod containers after down -v").isEmpty();
    assertThat(compose.networks()).as("networks after down -v").isEmpty();
    assertThat(compose.volumes()).as("volumes after down -v").isEmpty();
  }

  private static void awaitNodesReady(Kubectl kubectl) {
    Awaitility.await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              List<String> lines = kubectl.run("get", "nodes", "--no-headers").lines();
              assertThat(lines)
                  .anySatisfy(line -> assertThat(line).matches("node-1\\s+Ready\\s.*"))
                  .anySatisfy(line -> assertThat(line).matches("node-2\\s+Ready\\s.*"));
            });
  }

  private static void awaitRunning(Kubectl kubectl, String pod) {
    Awaitility.await()
        .atMost(POD_TIMEOUT)
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () ->
                assertThat(kubectl.run("get", "pod", pod, "--no-headers").stdout())
                    .matches("(?s)" + pod + "\\s+2/2\\s+Running\\s.*"));
  }

  /** exec in the echo container, through the pod's proxy container on the shared localhost. */
  private static void assertExecWorks(Kubectl kubectl) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(
                        kubectl.ok(
                            "exec",
                            "simple-echo",
                            "-c",
                            "echo",
                            "--",
                            "wget",
                            "-qO-",
                            "http://localhost:80/hostname"))
                    .contains("simple-echo"));
  }
}
