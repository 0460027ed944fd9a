package io.cetus.e2e.endpoints;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.cetus.api.core.Container;
import io.cetus.api.core.ContainerPort;
import io.cetus.api.core.EndpointAddress;
import io.cetus.api.core.EndpointPort;
import io.cetus.api.core.Endpoints;
import io.cetus.api.core.Pod;
import io.cetus.api.core.PodCondition;
import io.cetus.api.core.PodIP;
import io.cetus.api.core.PodSpec;
import io.cetus.api.core.PodStatus;
import io.cetus.api.core.Service;
import io.cetus.api.core.ServicePort;
import io.cetus.api.core.ServiceSpec;
import io.cetus.api.json.Json;
import io.cetus.api.meta.Condition;
import io.cetus.api.meta.IntOrString;
import io.cetus.api.meta.ObjectMeta;
import io.cetus.client.ObjectClient;
import io.cetus.client.http.ApiClient;
import io.cetus.e2e.support.ControllerPlatform;
import io.cetus.testsupport.platform.ControllerServiceProcess;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service-proxy jar's endpoints controller against a real object store and Redis: it watches
 * the store's Redis streams and keeps a Service's Endpoints in step with its pods, which the test
 * brings up and makes ready as a node agent would. {@code kubectl get ep} sees the result through
 * the store's Table.
 */
class EndpointsIT {

  private static final Duration DEADLINE = Duration.ofSeconds(30);

  @RegisterExtension static final ControllerPlatform platform = new ControllerPlatform("ep");

  private static ControllerServiceProcess proxy;
  private static ObjectClient<Service> services;
  private static ObjectClient<Pod> pods;
  private static ObjectClient<Endpoints> endpoints;
  private static String namespace;

  @BeforeAll
  static void startController() {
    ApiClient api = platform.api();
    services = api.forType(Service.class);
    pods = api.forType(Pod.class);
    endpoints = api.forType(Endpoints.class);
    namespace = platform.namespace();
    // the endpoints controller alone: the proxy and the DNS would hold addresses on the machine's
    // pods' network, which a running platform may be using
    proxy =
        platform.startController(
            "service-proxy",
            "--platform.service-proxy.proxy.hold-cluster-ips=false",
            "--platform.service-proxy.dns.enabled=false");
  }

  @Test
  void endpointsFollowTheServicesPodsAndGoWithIt() throws Exception {
    Map<String, String> labels = Map.of("app", "backend-app");
    services.create(
        new Service(
            null,
            null,
            ObjectMeta.named(namespace, "backend-app").withLabels(labels),
            ServiceSpec.builder()
                .type(ServiceSpec.NODE_PORT)
                .selector(labels)
                .ports(
                    List.of(new ServicePort("http", "TCP", null, 80, IntOrString.of("web"), null)))
                .build(),
            null));
    for (int i = 1; i <= 4; i++) {
      run("backend-" + i, labels, "10.242.0." + (10 + i), i != 4);
    }

    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () ->
                assertThat(endpoints.get(namespace, "backend-app").map(Endpoints::subsets))
                    .as(EndpointsIT::log)
                    .hasValueSatisfying(
                        subsets ->
                            assertThat(subsets)
                                .singleElement()
                                .satisfies(
                                    subset -> {
                                      assertThat(ips(subset.addresses()))
                                          .containsExactly(
                                              "10.242.0.11", "10.242.0.12", "10.242.0.13");
                                      assertThat(ips(subset.notReadyAddresses()))
                                          .containsExactly("10.242.0.14");
                                      assertThat(subset.ports())
                                          .containsExactly(
                                              new EndpointPort("http", 8080, "TCP", null));
                                    })));
    Endpoints written = endpoints.get(namespace, "backend-app").orElseThrow();
    assertThat(written.metadata().labels()).containsEntry("app", "backend-app");
    assertThat(written.subsets().getFirst().addresses().getFirst().targetRef().name())
        .isEqualTo("backend-1");
    assertThat(endpointsCell("backend-app"))
        .isEqualTo("10.242.0.11:8080,10.242.0.12:8080,10.242.0.13:8080");

    setReady("backend-4", true);
    pods.delete(namespace, "backend-1"); // unbound: gone at once
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () ->
                assertThat(endpointsCell("backend-app"))
                    .as(EndpointsIT::log)
                    .isEqualTo("10.242.0.12:8080,10.242.0.13:8080,10.242.0.14:8080"));

    services.delete(namespace, "backend-app");
    await().atMost(DEADLINE).until(() -> endpoints.get(namespace, "backend-app").isEmpty());
  }

  private static void run(String name, Map<String, String> labels, String ip, boolean ready) {
    Pod created =
        pods.create(
            new Pod(
                null,
                null,
                ObjectMeta.named(namespace, name).withLabels(labels),
                PodSpec.builder()
                    .containers(
                        List.of(
                            Container.builder()
                                .name("app")
                                .image("cetus/demo-app:0.1.0")
                                .ports(List.of(new ContainerPort("web", null, 8080, "TCP", null)))
                                .build()))
                    .build(),
                null));
    pods.updateStatus(created.withStatus(status(ip, ready)));
  }

  private static void setReady(String name, boolean ready) {
    Pod pod = pods.get(namespace, name).orElseThrow();
    pods.updateStatus(pod.withStatus(status(pod.status().podIP(), ready)));
  }

  private static PodStatus status(String ip, boolean ready) {
    return PodStatus.builder()
        .phase(PodStatus.RUNNING)
        .podIP(ip)
        .podIPs(List.of(new PodIP(ip)))
        .conditions(
            List.of(
                new PodCondition(
                    PodCondition.READY,
                    ready ? Condition.TRUE : Condition.FALSE,
                    null,
                    Instant.now().truncatedTo(ChronoUnit.SECONDS),
                    null,
                    null)))
        .build();
  }

  /** The ENDPOINTS column of {@code kubectl get ep NAME}, from the store's Table. */
  private static String endpointsCell(String name) throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      String body =
          http.send(
                  HttpRequest.newBuilder(
                          URI.create(
                              platform.storeUrl()
                                  + "/api/v1/namespaces/"
                                  + namespace
                                  + "/endpoints/"
                                  + name))
                      .header("Accept", "application/json;as=Table;g=meta.k8s.io;v=v1")
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      JsonNode table = Json.mapper().readTree(body);
      return table.at("/rows/0/cells/1").asString("");
    }
  }

  private static List<String> ips(List<EndpointAddress> addresses) {
    return addresses.stream().map(EndpointAddress::ip).toList();
  }

  private static String log() {
    return "service-proxy log:\n" + proxy.output();
  }
}
