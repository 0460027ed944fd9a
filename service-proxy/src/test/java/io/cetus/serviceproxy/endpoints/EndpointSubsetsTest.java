package io.cetus.serviceproxy.endpoints;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.cetus.api.core.Container;
import io.cetus.api.core.EndpointAddress;
import io.cetus.api.core.EndpointPort;
import io.cetus.api.core.EndpointSubset;
import io.cetus.api.core.Pod;
import io.cetus.api.core.PodIP;
import io.cetus.api.core.PodSpec;
import io.cetus.api.core.PodStatus;
import io.cetus.api.core.Service;
import io.cetus.api.json.Json;
import io.cetus.api.meta.IntOrString;
import io.cetus.api.meta.ObjectMeta;

import static io.cetus.serviceproxy.endpoints.Fixtures.NAMESPACE;
import static io.cetus.serviceproxy.endpoints.Fixtures.WEB;
import static io.cetus.serviceproxy.endpoints.Fixtures.containerPort;
import static io.cetus.serviceproxy.endpoints.Fixtures.pod;
import static io.cetus.serviceproxy.endpoints.Fixtures.port;
import static io.cetus.serviceproxy.endpoints.Fixtures.running;
import static io.cetus.serviceproxy.endpoints.Fixtures.service;
import static org.assertj.core.api.Assertions.assertThat;

class EndpointSubsetsTest {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void thePodsOrderDoesNotChangeTheResult() {
    Service web =
        service(
            "web",
            WEB,
            port("http", 80, IntOrString.of("http")),
            port("admin", 81, IntOrString.of(9000)));
    List<Pod> pods = new ArrayList<>();
    for (int i = 1; i <= 30; i++) {
      pods.add(
          created(
              pod("p" + i, WEB, containerPort("http", 8080 + i % 3))
                  .withStatus(running("10.242.0." + i, i % 5 != 0, NOW))));
    }
    String expected = Json.mapper().writeValueAsString(EndpointSubsets.of(web, pods));

    Random random = new Random(42);
    for (int round = 0; round < 20; round++) {
      List<Pod> shuffled = new ArrayList<>(pods);
      Collections.shuffle(shuffled, random);
      assertThat(Json.mapper().writeValueAsString(EndpointSubsets.of(web, shuffled)))
          .isEqualTo(expected);
    }
  }

  @Test
  void addressesSortAsTextAndSubsetsByTheirPorts() {
    Service web =
        service(
            "web", WEB, port("b", 80, IntOrString.of("http")), port("a", 81, IntOrString.of(81)));
    List<Pod> pods =
        List.of(
            created(
                pod("x", WEB, containerPort("http", 8080))
                    .withStatus(running("10.242.0.5", true, NOW))),
            created(
                pod("y", WEB, containerPort("http", 8080))
                    .withStatus(running("10.242.0.10", true, NOW))));

    List<EndpointSubset> subsets = EndpointSubsets.of(web, pods);

    // one subset: both addresses serve both ports
    assertThat(subsets).hasSize(1);
    assertThat(subsets.getFirst().addresses())
        .extracting(EndpointAddress::ip)
        .containsExactly("10.242.0.10", "10.242.0.5"); // as Kubernetes sorts them: as text
    assertThat(subsets.getFirst().ports())
        .containsExactly(
            new EndpointPort("a", 81, "TCP", null), new EndpointPort("b", 8080, "TCP", null));
  }

  @Test
  void aSidecarsNamedPortCountsButAPlainInitContainersDoesNot() {
    Service web = service("web", WEB, port("http", 80, IntOrString.of("http")));
    Pod sidecar = withInitContainer(pod("sidecar", WEB), "Always");
    Pod init = withInitContainer(pod("init", WEB), null);

    assertThat(
            EndpointSubsets.of(
                web,
                List.of(
                    created(sidecar.withStatus(running("10.0.0.1", true, NOW))),
                    created(init.withStatus(running("10.0.0.2", true, NOW))))))
        .singleElement()
        .satisfies(
            subset -> {
              assertThat(subset.addresses())
                  .extracting(EndpointAddress::ip)
                  .containsExactly("10.0.0.1");
              assertThat(subset.ports())
                  .containsExactly(new EndpointPort("http", 15000, "TCP", null));
            });
  }

  @Test
  void theAddressIsThePodIpOfTheServicesFamily() {
    Service ipv6 = service("web", WEB, port(80, 80));
    ipv6 = ipv6.withSpec(ipv6.spec().toBuilder().ipFamilies(List.of("IPv6")).build());
    PodStatus dualStack =
        running("10.0.0.1", true, NOW).toBuilder()
            .podIPs(List.of(new PodIP("10.0.0.1"), new PodIP("fd00::1")))
            .build();
    Pod pod = created(pod("a", WEB).withStatus(dualStack));

    assertThat(EndpointSubsets.addressOf(ipv6, pod).orElseThrow().ip()).isEqualTo("fd00::1");
    assertThat(EndpointSubsets.addressOf(service("web", WEB), pod).orElseThrow().ip())
        .isEqualTo("10.0.0.1");
    Pod ipv4Only = created(pod("b", WEB).withStatus(running("10.0.0.2", true, NOW)));
    assertThat(EndpointSubsets.addressOf(ipv6, ipv4Only)).isEmpty();
  }

  @Test
  void aServiceWithoutPortsThatIsNotHeadlessGetsNoSubsets() {
    Pod pod = created(pod("a", WEB).withStatus(running("10.0.0.1", true, NOW)));

    assertThat(EndpointSubsets.of(service("web", WEB), List.of(pod))).isEmpty();
  }

  private static Pod withInitContainer(Pod pod, String restartPolicy) {
    Container container =
        Container.builder()
            .name("proxy")
            .image("envoy")
            .ports(List.of(containerPort("http", 15000)))
            .restartPolicy(restartPolicy)
            .build();
    PodSpec spec = pod.spec().toBuilder().initContainers(List.of(container)).build();
    return pod.withSpec(spec);
  }

  /** The pod with the uid the API would give it. */
  private static Pod created(Pod pod) {
    ObjectMeta m = pod.metadata();
    return pod.withMetadata(
        new ObjectMeta(
            m.name(),
            null,
            NAMESPACE,
            UUID.nameUUIDFromBytes(m.name().getBytes()).toString(),
            "1",
            null,
            NOW,
            null,
            null,
            m.labels(),
            m.annotations(),
            m.ownerReferences(),
            m.finalizers()));
  }
}
