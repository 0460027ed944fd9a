package io.cetus.e2e.deployment;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.cetus.api.apps.Deployment;
import io.cetus.api.apps.DeploymentCondition;
import io.cetus.api.apps.DeploymentSpec;
import io.cetus.api.apps.DeploymentStatus;
import io.cetus.api.apps.DeploymentStrategy;
import io.cetus.api.apps.ReplicaSet;
import io.cetus.api.apps.RollingUpdateDeployment;
import io.cetus.api.core.Container;
import io.cetus.api.core.Event;
import io.cetus.api.core.Pod;
import io.cetus.api.core.PodCondition;
import io.cetus.api.core.PodSpec;
import io.cetus.api.core.PodStatus;
import io.cetus.api.core.PodTemplateSpec;
import io.cetus.api.core.Pods;
import io.cetus.api.errors.ApiErrors;
import io.cetus.api.meta.Condition;
import io.cetus.api.meta.IntOrString;
import io.cetus.api.meta.LabelSelector;
import io.cetus.api.meta.ObjectMeta;
import io.cetus.client.ObjectClient;
import io.cetus.client.PatchType;
import io.cetus.client.http.ApiClient;
import io.cetus.e2e.support.ControllerPlatform;
import io.cetus.testsupport.platform.ControllerServiceProcess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The deployment-service and replication-service jars against a real object store and Redis: a
 * Deployment rolls out, is updated and rolled back, with the test playing the node agent (it marks
 * every pod Ready). No scheduler runs, so pods stay unbound and a deleted pod goes at once.
 */
class DeploymentIT {

  private static final Duration DEADLINE = Duration.ofSeconds(60);

  @RegisterExtension static final ControllerPlatform platform = new ControllerPlatform("deploy");

  private static ControllerServiceProcess replication;
  private static ControllerServiceProcess deploymentService;
  private static ApiClient api;
  private static ObjectClient<Deployment> deployments;
  private static ObjectClient<ReplicaSet> replicaSets;
  private static ObjectClient<Pod> pods;
  private static String namespace;

  @BeforeAll
  static void startControllers() {
    api = platform.api();
    deployments = api.forType(Deployment.class);
    replicaSets = api.forType(ReplicaSet.class);
    pods = api.forType(Pod.class);
    namespace = platform.namespace();
    replication =
        platform.startController(
            "replication-service", "--platform.leader-election.lease-duration=3s");
    deploymentService =
        platform.startController(
            "deployment-service", "--platform.leader-election.lease-duration=3s");
  }

  @Test
  void aDeploymentRollsOutUpdatesAndRollsBack() {
    deployments.create(deployment("web", 3, "nginx:1.27"));
    awaitRolledOut("web", 3);
    assertThat(replicaSets.list(namespace).items()).hasSize(1);
    ReplicaSet first = replicaSets.list(namespace).items().getFirst();
    assertThat(first.metadata().annotations())
        .containsEntry("deployment.kubernetes.io/revision", "1");

    deployments.patch(
        namespace,
        "web",
        PatchType.STRATEGIC_MERGE,
        "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"app\",\"image\":\"nginx:1.28\"}]}}}}");
    awaitRolledOut("web", 3);

    assertThat(replicaSets.list(namespace).items()).hasSize(2);
    assertThat(replicaSets.get(namespace, first.metadata().name()).orElseThrow().spec().replicas())
        .isZero();
    assertThat(deployments.get(namespace, "web").orElseThrow().metadata().annotations())
        .containsEntry("deployment.kubernetes.io/revision", "2");

    // what `kubectl rollout undo` puts back: the first template, as it reads it from the replica
    // set
    deployments.patch(
        namespace,
        "web",
        PatchType.MERGE,
        """
        {"spec":{"template":{"metadata":{"creationTimestamp":null,"labels":{"app":"web"}},
          "spec":{"containers":[{"name":"app","image":"nginx:1.27","resources":{}}]}}}}
        """);
    awaitRolledOut("web", 3);

    assertThat(replicaSets.list(namespace).items()).as(DeploymentIT::log).hasSize(2);
    ReplicaSet reused = replicaSets.get(namespace, first.metadata().name()).orElseThrow();
    assertThat(reused.spec().replicas()).isEqualTo(3);
    assertThat(reused.metadata().annotations())
        .containsEntry("deployment.kubernetes.io/revision", "3")
        .containsEntry("deployment.kubernetes.io/revision-history", "1");
    List<Event> events = api.forType(Event.class).list(namespace).items();
    assertThat(events)
        .extracting(Event::reason)
        .contains("ScalingReplicaSet", "SuccessfulCreate", "SuccessfulDelete");
  }

  /**
   * Waits, marking every pod Ready as a node agent would, until {@code kubectl rollout status}
   * would say "successfully rolled out".
   */
  private static void awaitRolledOut(String name, int replicas) {
    await()
        .atMost(DEADLINE)
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () -> {
              markPodsReady();
              Deployment d = deployments.get(namespace, name).orElseThrow();
              DeploymentStatus s = d.status();
              assertThat(s.observedGeneration())
                  .as(DeploymentIT::log)
                  .isGreaterThanOrEqualTo(d.metadata().generation());
              assertThat(s.updatedReplicas()).isEqualTo(replicas);
              assertThat(s.replicas()).isEqualTo(replicas);
              assertThat(s.availableReplicas()).isEqualTo(replicas);
              assertThat(
                      Condition.find(s.conditions(), DeploymentCondition.PROGRESSING)
                          .map(DeploymentCondition::reason))
                  .hasValue("NewReplicaSetAvailable");
            });
  }

  private static void markPodsReady() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    for (Pod pod : pods.list(namespace).items()) {
      if (!Pods.isActive(pod) || Pods.isReady(pod)) {
        continue;
      }
      PodStatus ready =
          PodStatus.builder()
              .phase(PodStatus.RUNNING)
              .conditions(
                  List.of(
                      new PodCondition(PodCondition.READY, Condition.TRUE, null, now, null, null)))
              .build();
      try {
        pods.updateStatus(pod.withStatus(ready));
      } catch (RuntimeException e) {
        if (!ApiErrors.isConflict(e) && !ApiErrors.isNotFound(e)) {
          throw e;
        }
      }
    }
  }

  private static String log() {
    return "deployment-service log:\n"
        + deploymentService.output()
        + "\nreplication-service log:\n"
        + replication.output();
  }

  private static Deployment deployment(String name, int replicas, String image) {
    Map<String, String> labels = Map.of("app", name);
    return new Deployment(
        null,
        null,
        ObjectMeta.named(namespace, name),
        new DeploymentSpec(
            replicas,
            LabelSelector.matchLabels(labels),
            new PodTemplateSpec(
                new ObjectMeta(
                    null, null, null, null, null, null, null, null, null, labels, null, null, null),
                PodSpec.builder().containers(List.of(Container.of("app", image))).build()),
            new DeploymentStrategy(
                DeploymentStrategy.ROLLING_UPDATE,
                new RollingUpdateDeployment(IntOrString.of(0), IntOrString.of(1))),
            null,
            null,
            null,
            null),
        null);
  }
}
