package io.cetus.serviceproxy.endpoints;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cetus.api.core.EndpointAddress;
import io.cetus.api.core.EndpointPort;
import io.cetus.api.core.EndpointSubset;
import io.cetus.api.core.Endpoints;
import io.cetus.api.core.Pod;
import io.cetus.api.core.PodStatus;
import io.cetus.api.core.Service;
import io.cetus.api.meta.ObjectMeta;
import io.cetus.client.ObjectClient;
import io.cetus.client.informer.SharedInformerFactory;
import io.cetus.controller.ControllerManager;
import io.cetus.testsupport.client.FakeApiClient;

import static io.cetus.serviceproxy.endpoints.Fixtures.NAMESPACE;
import static io.cetus.serviceproxy.endpoints.Fixtures.WEB;
import static io.cetus.serviceproxy.endpoints.Fixtures.pod;
import static io.cetus.serviceproxy.endpoints.Fixtures.port;
import static io.cetus.serviceproxy.endpoints.Fixtures.running;
import static io.cetus.serviceproxy.endpoints.Fixtures.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The endpoints controller running on an in-memory API server, driven by its informers' events. */
class EndpointsControllerTest {

  private static final Duration DEADLINE = Duration.ofSeconds(10);

  private final FakeApiClient api = new FakeApiClient();
  private final ObjectClient<Service> services = api.forType(Service.class);
  private final ObjectClient<Pod> pods = api.forType(Pod.class);
  private final ObjectClient<Endpoints> endpoints = api.forType(Endpoints.class);
  private final List<ControllerManager> managers = new ArrayList<>();

  @AfterEach
  void stop() {
    managers.forEach(ControllerManager::stop);
  }

  @Test
  void endpointsFollowPodsAsTheyComeBecomeReadyAndGo() throws Exception {
    startController();
    services.create(service("web", WEB, port(80, 8080)));
    await().atMost(DEADLINE).until(() -> endpoints.get(NAMESPACE, "web").isPresent());
    assertThat(endpoints.get(NAMESPACE, "web").orElseThrow().subsets()).isEmpty();

    run("a", WEB, "10.0.0.1", false);
    awaitIps("web", List.of(), List.of("10.0.0.1"));

    setReady("a", true);
    awaitIps("web", List.of("10.0.0.1"), List.of());

    run("b", WEB, "10.0.0.2", true);
    awaitIps("web", List.of("10.0.0.1", "10.0.0.2"), List.of());

    pods.delete(NAMESPACE, "a"); // bound: terminating for its grace period, out at once
    awaitIps("web", List.of("10.0.0.2"), List.of());

    pods.updateStatus(
        pods.get(NAMESPACE, "b")
            .orElseThrow()
            .withStatus(PodStatus.builder().phase(PodStatus.FAILED).podIP("10.0.0.2").build()));
    awaitIps("web", List.of(), List.of());
  }

  @Test
  void relabellingAPodMovesItFromOneServiceToAnother() throws Exception {
    startController();
    services.create(service("blue", Map.of("color", "blue"), port(80, 8080)));
    services.create(service("green", Map.of("color", "green"), port(80, 8080)));
    run("a", Map.of("color", "blue"), "10.0.0.1", true);
    awaitIps("blue", List.of("10.0.0.1"), List.of());

    Pod a = pods.get(NAMESPACE, "a").orElseThrow();
    pods.update(a.withMetadata(a.metadata().withLabels(Map.of("color", "green"))));

    awaitIps("green", List.of("10.0.0.1"), List.of());
    awaitIps("blue", List.of(), List.of());
  }

  @Test
  void aSelectorChangeOnTheServiceIsFollowed() throws Exception {
    startController();
    run("a", Map.of("color", "blue"), "10.0.0.1", true);
    run("b", Map.of("color", "green"), "10.0.0.2", true);
    Service web = services.create(service("web", Map.of("color", "blue"), port(80, 8080)));
    awaitIps("web", List.of("10.0.0.1"), List.of());

    services.update(
        web.withSpec(web.spec().toBuilder().selector(Map.of("color", "green")).build()));

    awaitIps("web", List.of("10.0.0.2"), List.of());
  }

  @Test
  void endpointsChangedOrDeletedBySomeoneElseArePutBack() throws Exception {
    startController();
    services.create(service("web", WEB, port(80, 8080)));
    run("a", WEB, "10.0.0.1", true);
    awaitIps("web", List.of("10.0.0.1"), List.of());

    Endpoints current = endpoints.get(NAMESPACE, "web").orElseThrow();
    endpoints.update(
        current.withSubsets(
            List.of(
                new EndpointSubset(
                    List.of(new EndpointAddress("192.0.2.1", null, null, null)),
                    List.of(),
                    List.of(new EndpointPort(null, 80, "TCP", null))))));
    awaitIps("web", List.of("10.0.0.1"), List.of());

    endpoints.delete(NAMESPACE, "web");
    awaitIps("web", List.of("10.0.0.1"), List.of());
  }

  @Test
  void aDeletedServiceTakesItsEndpointsAlong() throws Exception {
    startController();
    services.create(service("web", WEB, port(80, 8080)));
    run("a", WEB, "10.0.0.1", true);
    awaitIps("web", List.of("10.0.0.1"), List.of());

    services.delete(NAMESPACE, "web");

    await().atMost(DEADLINE).until(() -> endpoints.get(NAMESPACE, "web").isEmpty());
  }

  @Test
  void atStartEndpointsLeftWithoutAServiceAreDeletedButNotLeaderElectionRecords() throws Exception {
    services.create(service("external", Map.of(), port(80, 80)));
    endpoints.create(handWritten("external", Map.of()));
    endpoints.create(handWritten("leftover", Map.of()));
    endpoints.create(
        handWritten("kube-scheduler", Map.of(EndpointsController.LEADER_ANNOTATION, "{}")));
    startController();

    await().atMost(DEADLINE).until(() -> endpoints.get(NAMESPACE, "leftover").isEmpty());
    assertThat(endpoints.list(NAMESPACE).items())
        .extracting(e -> e.metadata().name())
        .containsExactlyInAnyOrder("external", "kube-scheduler");

    // while running, Endpoints written before their service are left alone
    endpoints.create(handWritten("early", Map.of()));
    services.create(service("early", Map.of(), port(80, 80)));
    services.create(service("web", WEB, port(80, 8080)));
    await().atMost(DEADLINE).until(() -> endpoints.get(NAMESPACE, "web").isPresent());
    assertThat(endpoints.get(NAMESPACE, "early")).isPresent();
  }

  @Test
  void twoControllersOnOneStoreAgreeAndSettle() throws Exception {
    startController();
    startController();
    services.create(service("web", WEB, port(80, 8080)));
    List<String> ips = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      run("p" + i, WEB, "10.0.0." + i, true);
      ips.add("10.0.0." + i);
    }
    for (int i = 1; i <= 10; i += 2) {
      setReady("p" + i, false);
    }
    List<String> ready =
        ips.stream().filter(ip -> Integer.parseInt(ip.substring(7)) % 2 == 0).toList();
    awaitIps("web", ready, notReady(ips, ready));

    // settled: nothing more is written
    String version = endpoints.get(NAMESPACE, "web").orElseThrow().metadata().resourceVersion();
    services.create(service("other", Map.of("app", "other"), port(80, 80)));
    await().atMost(DEADLINE).until(() -> endpoints.get(NAMESPACE, "other").isPresent());
    assertThat(endpoints.get(NAMESPACE, "web").orElseThrow().metadata().resourceVersion())
        .isEqualTo(version);
  }

  private static List<String> notReady(List<String> all, List<String> ready) {
    return all.stream().filter(ip -> !ready.contains(ip)).sorted().toList();
  }

  private void startController() throws InterruptedException {
    SharedInformerFactory informers = new SharedInformerFactory(api);
    ControllerManager manager = new ControllerManager();
    managers.add(manager);
    manager.add(informers);
    manager.add(
        EndpointsController.create(informers, api, Clock.systemUTC(), 2, UnaryOperator.identity()));
    manager.start(DEADLINE);
  }

  private void run(String name, Map<String, String> labels, String ip, boolean ready) {
    Pod created = pods.create(pod(name, labels));
    pods.updateStatus(created.withStatus(running(ip, ready, Instant.now())));
  }

  private void setReady(String name, boolean ready) {
    Pod pod = pods.get(NAMESPACE, name).orElseThrow();
    pods.updateStatus(pod.withStatus(running(pod.status().podIP(), ready, Instant.now())));
  }

  /** Waits until the Endpoints list exactly these ready and not-ready IPs (sorted as text). */
  private void awaitIps(String service, List<String> ready, List<String> notReady) {
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              List<EndpointSubset> subsets =
                  endpoints.get(NAMESPACE, service).orElseThrow().subsets();
              assertThat(
                      subsets.stream()
                          .flatMap(s -> s.addresses().stream())
                          .map(EndpointAddress::ip)
                          .toList())
                  .isEqualTo(ready.stream().sorted().toList());
              assertThat(
                      subsets.stream()
                          .flatMap(s -> s.notReadyAddresses().stream())
                          .map(EndpointAddress::ip)
                          .toList())
                  .isEqualTo(notReady.stream().sorted().toList());
            });
  }

  private static Endpoints handWritten(String name, Map<String, String> annotations) {
    return new Endpoints(
        null,
        null,
        ObjectMeta.named(NAMESPACE, name).withAnnotations(annotations),
        List.of(
            new EndpointSubset(
                List.of(new EndpointAddress("192.0.2.1", null, null, null)),
                List.of(),
                List.of(new EndpointPort(null, 80, "TCP", null)))));
  }
}
