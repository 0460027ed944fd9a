package io.cetus.e2e.replication;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.cetus.api.apps.ReplicaSet;
import io.cetus.api.apps.ReplicaSetSpec;
import io.cetus.api.core.Container;
import io.cetus.api.core.Pod;
import io.cetus.api.core.PodSpec;
import io.cetus.api.core.PodTemplateSpec;
import io.cetus.api.core.Pods;
import io.cetus.api.meta.LabelSelector;
import io.cetus.api.meta.ObjectMeta;
import io.cetus.api.meta.Owners;
import io.cetus.client.ObjectClient;
import io.cetus.client.PatchType;
import io.cetus.client.http.ApiClient;
import io.cetus.e2e.support.ControllerPlatform;
import io.cetus.testsupport.platform.ControllerServiceProcess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The replication-service jar against a real object store and Redis: it watches the store's Redis
 * streams and keeps each ReplicaSet's pods at its replica count, through deletions, relabelling and
 * the {@code scale} subresource. No scheduler or node agent runs, so pods stay unbound and a
 * deleted pod goes at once.
 */
class ReplicaSetIT {

  private static final Duration DEADLINE = Duration.ofSeconds(30);

  @RegisterExtension static final ControllerPlatform platform = new ControllerPlatform("rs");

  private static ControllerServiceProcess replication;
  private static ObjectClient<ReplicaSet> replicaSets;
  private static ObjectClient<Pod> pods;
  private static String namespace;

  @BeforeAll
  static void startController() {
    ApiClient api = platform.api();
    replicaSets = api.forType(ReplicaSet.class);
    pods = api.forType(Pod.class);
    namespace = platform.namespace();
    replication =
        platform.startController(
            "replication-service", "--platform.leader-election.lease-duration=3s");
  }

  @Test
  void replicaSetOfThreeGetsThreePodsAndReportsThem() {
    ReplicaSet web = replicaSets.create(replicaSet("web", 3));

    awaitActivePods(web, 3);

    assertThat(activePodsOf(web))
        .allSatisfy(
            pod -> {
              assertThat(pod.metadata().name()).matches("web-[a-z0-9]{5}");
              assertThat(pod.metadata().labels()).containsEntry("app", "web");
            });
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              var status = replicaSets.get(namespace, "web").orElseThrow().status();
              assertThat(status.replicas()).as(ReplicaSetIT::log).isEqualTo(3);
              assertThat(status.fullyLabeledReplicas()).isEqualTo(3);
              assertThat(status.observedGeneration()).isEqualTo(1);
            });
  }

  @Test
  void deletedPodIsReplaced() {
    ReplicaSet backend = replicaSets.create(replicaSet("backend", 3));
    awaitActivePods(backend, 3);
    String victim = activePodsOf(backend).getFirst().metadata().name();

    pods.delete(namespace, victim);

    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () ->
                assertThat(names(activePodsOf(backend)))
                    .as(ReplicaSetIT::log)
                    .hasSize(3)
                    .doesNotContain(victim));
  }

  @Test
  void scalingToOneThroughTheScaleSubresourceRemovesTwoPods() throws Exception {
    ReplicaSet worker = replicaSets.create(replicaSet("worker", 3));
    awaitActivePods(worker, 3);

    HttpResponse<String> scaled = patchScale("worker", "{\"spec\":{\"replicas\":1}}");

    assertThat(scaled.statusCode()).as(scaled.body()).isEqualTo(200);
    awaitActivePods(worker, 1);
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () ->
                assertThat(replicaSets.get(namespace, "worker").orElseThrow().status().replicas())
                    .as(ReplicaSetIT::log)
                    .isEqualTo(1));
  }

  @Test
  void relabelledPodIsReleasedKeepsExistingAndIsReplaced() {
    ReplicaSet cache = replicaSets.create(replicaSet("cache", 2));
    awaitActivePods(cache, 2);
    String quarantined = activePodsOf(cache).getFirst().metadata().name();

    pods.patch(
        namespace,
        quarantined,
        PatchType.MERGE,
        "{\"metadata\":{\"labels\":{\"app\":\"cache-debug\"}}}");

    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              Pod released = pods.get(namespace, quarantined).orElseThrow();
              assertThat(released.metadata().ownerReferences()).as(ReplicaSetIT::log).isEmpty();
              assertThat(Pods.isActive(released)).isTrue();
              assertThat(names(activePodsOf(cache))).hasSize(2).doesNotContain(quarantined);
            });
  }

  @Test
  void matchingOrphanPodIsAdoptedInsteadOfCreatingOne() {
    pods.create(
        new Pod(
            null,
            null,
            ObjectMeta.named(namespace, "stray").withLabels(Map.of("app", "queue")),
            PodSpec.builder().containers(List.of(Container.of("app", "nginx:1.27"))).build(),
            null));

    ReplicaSet queue = replicaSets.create(replicaSet("queue", 2));

    awaitActivePods(queue, 2);
    assertThat(names(activePodsOf(queue))).contains("stray");
    assertThat(pods.list(namespace).items())
        .filteredOn(pod -> "queue".equals(pod.metadata().labels().get("app")))
        .hasSize(2);
  }

  private static void awaitActivePods(ReplicaSet replicaSet, int count) {
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> assertThat(activePodsOf(replicaSet)).as(ReplicaSetIT::log).hasSize(count));
  }

  private static List<Pod> activePodsOf(ReplicaSet replicaSet) {
    return pods.list(namespace).items().stream()
        .filter(pod -> Owners.isControlledBy(pod, replicaSet))
        .filter(Pods::isActive)
        .toList();
  }

  private static List<String> names(List<Pod> list) {
    return list.stream().map(pod -> pod.metadata().name()).toList();
  }

  /** What {@code kubectl scale rs NAME --replicas=N} sends. */
  private static HttpResponse<String> patchScale(String name, String body) throws Exception {
    try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
      HttpRequest request =
          HttpRequest.newBuilder(
                  URI.create(
                      platform.storeUrl()
                          + "/apis/apps/v1/namespaces/"
                          + namespace
                          + "/replicasets/"
                          + name
                          + "/scale"))
              .method("PATCH", HttpRequest.BodyPublishers.ofString(body))
              .header("Content-Type", PatchType.MERGE.contentType())
              .build();
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
  }

  private static String log() {
    return "replication-service log:\n" + replication.output();
  }

  private static ReplicaSet replicaSet(String name, int replicas) {
    Map<String, String> labels = Map.of("app", name);
    return new ReplicaSet(
        null,
        null,
        ObjectMeta.named(namespace, name),
        new ReplicaSetSpec(
            replicas,
            null,
            LabelSelector.matchLabels(labels),
            new PodTemplateSpec(
                new ObjectMeta(
                    null, null, null, null, null, null, null, null, null, labels, null, null, null),
                PodSpec.builder().containers(List.of(Container.of("app", "nginx:1.27"))).build())),
        null);
  }
}
