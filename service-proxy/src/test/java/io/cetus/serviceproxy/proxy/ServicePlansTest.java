package io.cetus.serviceproxy.proxy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cetus.api.core.EndpointAddress;
import io.cetus.api.core.EndpointPort;
import io.cetus.api.core.EndpointSubset;
import io.cetus.api.core.Endpoints;
import io.cetus.api.core.Service;
import io.cetus.api.core.ServicePort;
import io.cetus.api.core.ServiceSpec;
import io.cetus.api.meta.IntOrString;
import io.cetus.api.meta.ObjectMeta;

import static org.assertj.core.api.Assertions.assertThat;

class ServicePlansTest {

  private static final InetAddress NODE = Ipv4Range.parseAddress("192.0.2.2");
  private static final InetAddress ANY = Ipv4Range.parseAddress("0.0.0.0");

  @Test
  void listensOnTheClusterIpOfEveryTcpPortWithTheEndpointsOfTheSameName() {
    Service service =
        service(
            ServiceSpec.builder()
                .clusterIP("10.242.128.7")
                .ports(
                    List.of(
                        port("http", "TCP", 80, null),
                        port("dns", "UDP", 53, null),
                        port("admin", null, 9000, null))));
    Endpoints endpoints =
        endpoints(
            new EndpointSubset(
                List.of(address("10.242.0.5"), address("10.242.0.6")),
                List.of(address("10.242.0.7")),
                List.of(
                    new EndpointPort("http", 8080, "TCP", null),
                    new EndpointPort("admin", 9090, "TCP", null),
                    new EndpointPort("dns", 53, "UDP", null))),
            new EndpointSubset(
                List.of(address("10.242.0.5"), address("10.242.0.8")),
                List.of(),
                List.of(new EndpointPort("http", 8080, null, null))));

    ServicePlans.Plans plans = ServicePlans.of(service, endpoints, NODE, null);

    assertThat(plans.skipped()).extracting(ServicePort::name).containsExactly("dns");
    assertThat(plans.ports()).hasSize(2);
    PortPlan http = plans.ports().get(0);
    assertThat(http.name()).isEqualTo(new ServicePortName("ns", "web", "http"));
    assertThat(http.frontends())
        .containsExactly(new Frontend(socket("10.242.128.7", 80), Frontend.Kind.CLUSTER_IP));
    assertThat(http.endpoints())
        .containsExactly(
            socket("10.242.0.5", 8080), socket("10.242.0.6", 8080), socket("10.242.0.8", 8080));
    assertThat(plans.ports().get(1).endpoints())
        .containsExactly(socket("10.242.0.5", 9090), socket("10.242.0.6", 9090));
  }

  @Test
  void addsTheNodePortAndTheLoadBalancerAddress() {
    Service service =
        service(
            ServiceSpec.builder()
                .type(ServiceSpec.LOAD_BALANCER)
                .clusterIP("10.242.128.7")
                .ports(List.of(port(null, "TCP", 80, 30080))));

    PortPlan plan = ServicePlans.of(service, null, ANY, NODE).ports().getFirst();

    assertThat(plan.name().port()).isEmpty();
    assertThat(plan.endpoints()).isEmpty();
    assertThat(plan.frontends())
        .containsExactly(
            new Frontend(socket("10.242.128.7", 80), Frontend.Kind.CLUSTER_IP),
            new Frontend(new InetSocketAddress(ANY, 30080), Frontend.Kind.NODE_PORT),
            new Frontend(socket("192.0.2.2", 80), Frontend.Kind.LOAD_BALANCER));
  }

  @Test
  void proxiesServicesWithAClusterIpOnly() {
    assertThat(ServicePlans.isProxied(service(ServiceSpec.builder().clusterIP("10.242.128.7"))))
        .isTrue();
    assertThat(
            ServicePlans.isProxied(
                service(
                    ServiceSpec.builder().type(ServiceSpec.NODE_PORT).clusterIP("10.242.128.7"))))
        .isTrue();
    assertThat(ServicePlans.isProxied(service(ServiceSpec.builder().clusterIP("None")))).isFalse();
    assertThat(ServicePlans.isProxied(service(ServiceSpec.builder()))).isFalse();
    assertThat(
            ServicePlans.isProxied(
                service(
                    ServiceSpec.builder()
                        .type(ServiceSpec.EXTERNAL_NAME)
                        .externalName("example.com")
                        .clusterIP("10.242.128.7"))))
        .isFalse();
  }

  @Test
  void readsClientIpAffinityWithItsTimeout() {
    assertThat(SessionAffinity.of(ServiceSpec.builder().build())).isEqualTo(SessionAffinity.NONE);
    assertThat(SessionAffinity.of(ServiceSpec.builder().sessionAffinity("ClientIP").build()))
        .isEqualTo(new SessionAffinity(true, Duration.ofHours(3)));
    assertThat(
            SessionAffinity.of(
                ServiceSpec.builder()
                    .sessionAffinity("ClientIP")
                    .sessionAffinityConfig(Map.of("clientIP", Map.of("timeoutSeconds", 30)))
                    .build()))
        .isEqualTo(new SessionAffinity(true, Duration.ofSeconds(30)));
  }

  @Test
  void parsesRanges() {
    Ipv4Range range = Ipv4Range.parse("10.242.128.0/18");
    assertThat(range.contains(Ipv4Range.parseAddress("10.242.128.0"))).isTrue();
    assertThat(range.contains(Ipv4Range.parseAddress("10.242.191.255"))).isTrue();
    assertThat(range.contains(Ipv4Range.parseAddress("10.242.192.0"))).isFalse();
    assertThat(range.contains(Ipv4Range.parseAddress("10.242.127.255"))).isFalse();
    assertThat(range).hasToString("10.242.128.0/18");
    assertThat(Ipv4Range.parse("10.242.3.4/16")).hasToString("10.242.0.0/16");
    assertThat(Ipv4Range.parseAddress("example.com")).isNull();
    assertThat(Ipv4Range.parseAddress("None")).isNull();
  }

  private static Service service(ServiceSpec.Builder spec) {
    return new Service(null, null, ObjectMeta.named("ns", "web"), spec.build(), null);
  }

  private static Endpoints endpoints(EndpointSubset... subsets) {
    return new Endpoints(null, null, ObjectMeta.named("ns", "web"), List.of(subsets));
  }

  private static ServicePort port(String name, String protocol, int port, Integer nodePort) {
    return new ServicePort(name, protocol, null, port, IntOrString.of(port), nodePort);
  }

  private static EndpointAddress address(String ip) {
    return new EndpointAddress(ip, null, null, null);
  }

  private static InetSocketAddress socket(String ip, int port) {
    return new InetSocketAddress(Ipv4Range.parseAddress(ip), port);
  }
}
