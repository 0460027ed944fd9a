package io.cetus.e2e.scheduler;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.cetus.api.coordination.Lease;
import io.cetus.api.coordination.LeaseSpec;
import io.cetus.api.core.Container;
import io.cetus.api.core.Event;
import io.cetus.api.core.Node;
import io.cetus.api.core.NodeCondition;
import io.cetus.api.core.NodeStatus;
import io.cetus.api.core.Pod;
import io.cetus.api.core.PodSpec;
import io.cetus.api.core.ResourceRequirements;
import io.cetus.api.meta.Condition;
import io.cetus.api.meta.ObjectMeta;
import io.cetus.api.quantity.Quantity;
import io.cetus.client.ObjectClient;
import io.cetus.client.http.ApiClient;
import io.cetus.e2e.support.ControllerPlatform;
import io.cetus.testsupport.platform.ControllerServiceProcess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * The scheduler-service jar against a real object store and Redis: it watches the store's Redis
 * streams, binds pods through the binding subresource, spreads them and reports what fits nowhere.
 * Nodes and their leases are made by hand, as node agents would make them.
 */
class SchedulerIT {

  private static final Duration DEADLINE = Duration.ofSeconds(30);

  @RegisterExtension static final ControllerPlatform platform = new ControllerPlatform("sched");

  private static ControllerServiceProcess scheduler;
  private static ApiClient api;
  private static String namespace;

  @BeforeAll
  static void startScheduler() {
    api = platform.api();
    namespace = platform.namespace();
    for (String node : List.of("node-1", "node-2")) {
      api.forType(Node.class).create(readyNode(node));
      api.forType(Lease.class)
          .create(
              new Lease(
                  null,
                  null,
                  ObjectMeta.named("kube-node-lease", node),
                  new LeaseSpec(node, 40, Instant.now(), Instant.now(), 0)));
    }
    // a long grace period: nothing renews these leases while the test runs
    scheduler =
        platform.startController(
            "scheduler-service",
            "--platform.scheduler.node-grace-period=10m",
            "--platform.leader-election.lease-duration=3s");
  }

  @Test
  void podsOfOneAppAreBoundAndSpreadOverBothNodes() {
    ObjectClient<Pod> pods = api.forType(Pod.class);

    pods.create(pod("web-1", "100m", "128Mi"));
    pods.create(pod("web-2", "100m", "128Mi"));

    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () ->
                assertThat(
                        // asList: a pod not bound yet has no node name (null)
                        Arrays.asList(
                            pods.get(namespace, "web-1").orElseThrow().spec().nodeName(),
                            pods.get(namespace, "web-2").orElseThrow().spec().nodeName()))
                    .as("scheduler log:\n%s", scheduler.output())
                    .containsExactlyInAnyOrder("node-1", "node-2"));
    Pod bound = pods.get(namespace, "web-1").orElseThrow();
    assertThat(Condition.holds(bound.status().conditions(), "PodScheduled")).isTrue();
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () ->
                assertThat(events("web-1"))
                    .extracting(Event::reason, Event::message)
                    .contains(
                        tuple(
                            "Scheduled",
                            "Successfully assigned "
                                + namespace
                                + "/web-1 to "
                                + bound.spec().nodeName())));
  }

  @Test
  void podNeedingMoreMemoryThanAnyNodeStaysPendingWithAFailedSchedulingEvent() {
    ObjectClient<Pod> pods = api.forType(Pod.class);

    pods.create(pod("huge", "100m", "64Gi"));

    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () ->
                assertThat(events("huge"))
                    .extracting(Event::reason, Event::message)
                    .contains(
                        tuple(
                            "FailedScheduling",
                            "0/2 nodes are available: 2 Insufficient memory.")));
    assertThat(pods.get(namespace, "huge").orElseThrow().spec().nodeName()).isNull();
  }

  private static List<Event> events(String pod) {
    return api.forType(Event.class).list(namespace).items().stream()
        .filter(event -> pod.equals(event.involvedObject().name()))
        .toList();
  }

  private static Pod pod(String name, String cpu, String memory) {
    return new Pod(
        null,
        null,
        ObjectMeta.named(namespace, name).withLabels(Map.of("app", "web")),
        PodSpec.builder()
            .containers(
                List.of(
                    Container.builder()
                        .name("app")
                        .image("nginx:1.27")
                        .resources(
                            new ResourceRequirements(
                                null,
                                Map.of(
                                    "cpu", Quantity.parse(cpu), "memory", Quantity.parse(memory))))
                        .build()))
            .build(),
        null);
  }

  private static Node readyNode(String name) {
    return new Node(
        null,
        null,
        ObjectMeta.named(null, name).withLabels(Map.of("kubernetes.io/hostname", name)),
        null,
        new NodeStatus(
            Map.of(
                "cpu", Quantity.parse("4"),
                "memory", Quantity.parse("8Gi"),
                "pods", Quantity.of(110)),
            null,
            List.of(
                new NodeCondition(
                    NodeCondition.READY, Condition.TRUE, Instant.now(), Instant.now(), null, null)),
            null,
            null,
            null));
  }
}
