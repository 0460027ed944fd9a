package io.cetus.e2e.kubectl;

import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.cetus.e2e.support.CetusPlatform;
import io.cetus.e2e.support.Kubectl;
import io.cetus.e2e.support.RepositoryRoot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The stock kubectl against {@code ./cetus up}: the everyday commands of a Kubernetes user work and
 * print what Kubernetes prints. Each test works in a namespace of its own.
 */
@ExtendWith(CetusPlatform.class)
class KubectlBasicsE2E {

  private static final String EXAMPLES = RepositoryRoot.find().resolve("examples").toString();

  private final Kubectl kubectl;

  KubectlBasicsE2E(Kubectl kubectl) {
    this.kubectl = kubectl;
  }

  @BeforeAll
  static void namespaces(Kubectl kubectl) {
    for (String namespace : new String[] {"basics-apply", "basics-label", "basics-watch"}) {
      kubectl.run("create", "namespace", namespace);
    }
  }

  @Test
  void appliesTheSeedManifestsWithValidationAndListsThemAsKubernetesDoes() {
    String n = "--namespace=basics-apply";
    assertThat(kubectl.ok("apply", n, "-f", EXAMPLES + "/nginx-pod.yaml"))
        .contains("pod/nginx-pod created");
    assertThat(kubectl.ok("apply", n, "-f", EXAMPLES + "/simple-echo.yaml"))
        .contains("pod/simple-echo created");
    assertThat(kubectl.ok("apply", n, "-f", EXAMPLES + "/backend-app.yaml"))
        .contains("secret/backend-credentials created", "deployment.apps/backend-app created");
    assertThat(kubectl.ok("apply", n, "-f", EXAMPLES + "/nginx-pod.yaml"))
        .contains("pod/nginx-pod unchanged");

    assertThat(kubectl.ok("get", "pods", n).lines().findFirst().orElseThrow())
        .containsSubsequence("NAME", "READY", "STATUS", "RESTARTS", "AGE");
    assertThat(kubectl.ok("get", "pods", n))
        // READY n/2, a status (Pending, ContainerCreating or Running: a node may already run it),
        // RESTARTS, AGE
        .containsPattern("simple-echo\\s+[0-2]/2\\s+\\w+\\s+\\d+\\s+\\d+s");
    assertThat(kubectl.ok("get", "pods", n, "-o", "wide").lines().findFirst().orElseThrow())
        .containsSubsequence("IP", "NODE", "NOMINATED NODE", "READINESS GATES");
    assertThat(kubectl.ok("get", "pod", "nginx-pod", n, "-o", "yaml"))
        .contains("kind: Pod", "app: nginx-app", "uid:", "resourceVersion:", "protocol: TCP");
    assertThat(kubectl.ok("get", "pods", n, "-l", "app=nginx-app"))
        .contains("nginx-pod")
        .doesNotContain("simple-echo");
    assertThat(kubectl.ok("get", "pods", n, "-L", "app")).containsPattern("nginx-pod.*nginx-app");
    assertThat(kubectl.ok("get", "pods", n, "--show-labels")).contains("app=nginx-app");
    assertThat(kubectl.ok("get", "pods", "-A"))
        .containsPattern("NAMESPACE\\s+NAME")
        .containsPattern("basics-apply\\s+nginx-pod");
    assertThat(kubectl.ok("get", "deployments", n))
        .containsPattern("NAME\\s+READY\\s+UP-TO-DATE\\s+AVAILABLE\\s+AGE")
        .contains("backend-app");

    assertThat(kubectl.ok("delete", n, "-f", EXAMPLES + "/nginx-pod.yaml"))
        .contains("pod \"nginx-pod\" deleted");
    var missing = kubectl.run("get", "pod", "nginx-pod", n);
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.stderr())
        .contains("Error from server (NotFound): pods \"nginx-pod\" not found");
  }

  @Test
  void missingPodIsReportedAsKubernetesReportsIt() {
    var result = kubectl.run("get", "pod", "missing");
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr())
        .contains("Error from server (NotFound): pods \"missing\" not found");
  }

  @Test
  void labelsAndAnnotationsAreAddedAndRemoved() {
    String n = "--namespace=basics-label";
    kubectl.ok("apply", n, "-f", EXAMPLES + "/nginx-pod.yaml");

    assertThat(kubectl.ok("label", n, "pod", "nginx-pod", "tier=web")).contains("labeled");
    assertThat(kubectl.ok("get", n, "pods", "-l", "tier=web", "-o", "name"))
        .contains("pod/nginx-pod");
    assertThat(kubectl.ok("label", n, "pod", "nginx-pod", "tier-")).contains("unlabeled");
    assertThat(kubectl.ok("get", n, "pods", "-l", "tier=web")).doesNotContain("nginx-pod");

    assertThat(kubectl.ok("annotate", n, "pod", "nginx-pod", "note=hello world"))
        .contains("annotated");
    assertThat(
            kubectl.ok("get", n, "pod", "nginx-pod", "-o", "jsonpath={.metadata.annotations.note}"))
        .isEqualTo("hello world");
  }

  @Test
  void watchPrintsChangesAsTheyHappen() {
    String n = "--namespace=basics-watch";
    try (var watch = kubectl.stream("get", "configmaps", n, "-w")) {
      kubectl.ok("create", "configmap", "first", n, "--from-literal=a=1");
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(() -> assertThat(watch.printed()).anyMatch(l -> l.startsWith("first")));
      kubectl.ok("create", "configmap", "second", n, "--from-literal=b=2");
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(() -> assertThat(watch.printed()).anyMatch(l -> l.startsWith("second")));
    }
  }

  @Test
  void namespacesAreCreatedAndListed() {
    assertThat(kubectl.ok("create", "namespace", "basics-created"))
        .contains("namespace/basics-created created");
    assertThat(kubectl.ok("get", "ns"))
        .containsPattern("basics-created\\s+Active")
        .containsPattern("default\\s+Active")
        .contains("kube-system", "kube-node-lease");
  }

  @Test
  void generatorCommandsSendingProtobufCreateObjects() {
    kubectl.ok("create", "namespace", "basics-proto");
    String n = "--namespace=basics-proto";
    assertThat(kubectl.ok("create", "deployment", "web", "--image=nginx", "--replicas=2", n))
        .contains("deployment.apps/web created");
    assertThat(kubectl.ok("create", "configmap", "settings", "--from-literal=mode=fast", n))
        .contains("configmap/settings created");
    assertThat(kubectl.ok("create", "secret", "generic", "token", "--from-literal=t=abc", n))
        .contains("secret/token created");
    assertThat(kubectl.ok("get", "deployment", "web", n, "-o", "jsonpath={.spec.replicas}"))
        .isEqualTo("2");
    assertThat(kubectl.ok("scale", "deployment", "web", "--replicas=4", n)).contains("scaled");
    assertThat(kubectl.ok("get", "deployment", "web", n, "-o", "jsonpath={.spec.replicas}"))
        .isEqualTo("4");
    assertThat(kubectl.ok("get", "secret", "token", n, "-o", "jsonpath={.data.t}"))
        .isEqualTo("YWJj");
  }

  @Test
  void apiResourcesListsEveryKindWithShortNames() {
    assertThat(kubectl.ok("api-resources"))
        .containsPattern("pods\\s+po\\s+v1\\s+true\\s+Pod")
        .containsPattern("deployments\\s+deploy\\s+apps/v1\\s+true\\s+Deployment")
        .containsPattern("namespaces\\s+ns\\s+v1\\s+false\\s+Namespace")
        .contains("replicasets", "services", "configmaps", "secrets", "jobs", "cronjobs", "leases");
  }
}
