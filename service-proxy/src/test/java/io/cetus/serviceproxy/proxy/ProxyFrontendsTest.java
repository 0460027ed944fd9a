package io.cetus.serviceproxy.proxy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cetus.api.core.Event;
import io.cetus.api.core.LoadBalancerIngress;
import io.cetus.api.core.ServicePort;
import io.cetus.api.core.ServiceSpec;
import io.cetus.api.meta.IntOrString;
import io.cetus.controller.reconcile.Request;

import static io.cetus.serviceproxy.proxy.ProxyHarness.DEADLINE;
import static io.cetus.serviceproxy.proxy.ProxyHarness.NAMESPACE;
import static io.cetus.serviceproxy.proxy.ProxyHarness.NODE_PORT;
import static io.cetus.serviceproxy.proxy.ProxyHarness.PROPAGATION;
import static io.cetus.serviceproxy.proxy.ProxyHarness.SERVICE_PORT;
import static io.cetus.serviceproxy.proxy.ProxyHarness.firstLine;
import static io.cetus.serviceproxy.proxy.ProxyHarness.refuses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Where the proxy listens for each kind of service, and the addresses and status it keeps. */
class ProxyFrontendsTest {

  private ProxyHarness harness;
  private List<TestBackend> backends;

  @BeforeEach
  void start() throws Exception {
    harness = new ProxyHarness();
    backends = harness.startBackends(1, TestBackend.IDENTIFY_AND_ECHO);
  }

  @AfterEach
  void stop() throws Exception {
    harness.close();
  }

  @Test
  void listensOnTheNodePortOfANodePortService() throws Exception {
    harness.start();
    InetAddress clusterIp = harness.clusterIp(10);
    harness.createService("web", harness.spec(ServiceSpec.NODE_PORT, clusterIp).build());
    harness.setEndpoints("web", backends);

    InetSocketAddress nodePort = new InetSocketAddress(harness.nodeAddress(), NODE_PORT);
    await().atMost(DEADLINE).ignoreExceptions().until(() -> firstLine(nodePort).equals("a"));
    assertThat(firstLine(new InetSocketAddress(clusterIp, SERVICE_PORT))).isEqualTo("a");
    assertThat(
            harness.services.get(NAMESPACE, "web").orElseThrow().status().loadBalancer().ingress())
        .isEmpty();
  }

  @Test
  void writesTheIngressOfALoadBalancerAndListensThere() throws Exception {
    harness.start();
    harness.createService(
        "web", harness.spec(ServiceSpec.LOAD_BALANCER, harness.clusterIp(10)).build());
    harness.setEndpoints("web", backends);

    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () ->
                assertThat(
                        harness
                            .services
                            .get(NAMESPACE, "web")
                            .orElseThrow()
                            .status()
                            .loadBalancer()
                            .ingress())
                    .extracting(LoadBalancerIngress::ip)
                    .containsExactly(harness.nodeAddress().getHostAddress()));
    InetSocketAddress balancer = new InetSocketAddress(harness.nodeAddress(), SERVICE_PORT);
    InetSocketAddress nodePort = new InetSocketAddress(harness.nodeAddress(), NODE_PORT);
    await().atMost(DEADLINE).ignoreExceptions().until(() -> firstLine(balancer).equals("a"));
    assertThat(firstLine(nodePort)).isEqualTo("a");
    assertThat(reasons()).contains(ServiceProxyReconciler.REASON_ENSURED_LOAD_BALANCER);
    String written =
        harness.services.get(NAMESPACE, "web").orElseThrow().metadata().resourceVersion();

    // a second load balancer on the same port: its ingress address is taken, its node port serves
    harness.createService(
        "other",
        harness
            .spec(ServiceSpec.LOAD_BALANCER, harness.clusterIp(11))
            .ports(
                List.of(
                    new ServicePort(
                        null,
                        "TCP",
                        null,
                        SERVICE_PORT,
                        IntOrString.of(SERVICE_PORT),
                        NODE_PORT + 1)))
            .build());
    harness.setEndpoints("other", backends);
    await()
        .atMost(DEADLINE)
        .until(() -> reasons().contains(ServiceProxyReconciler.REASON_FAILED_TO_LISTEN));
    assertThat(firstLine(new InetSocketAddress(harness.nodeAddress(), NODE_PORT + 1)))
        .isEqualTo("a");
    // the status is written once, not on every reconcile
    assertThat(harness.services.get(NAMESPACE, "web").orElseThrow().metadata().resourceVersion())
        .isEqualTo(written);
  }

  @Test
  void servesNeitherExternalNameNorHeadlessServicesNorUdpPorts() throws Exception {
    harness.start();
    harness.createService(
        "external",
        ServiceSpec.builder().type(ServiceSpec.EXTERNAL_NAME).externalName("example.com").build());
    harness.createService(
        "headless",
        harness.spec(ServiceSpec.CLUSTER_IP, harness.clusterIp(10)).clusterIP("None").build());
    harness.createService(
        "dns",
        harness
            .spec(ServiceSpec.CLUSTER_IP, harness.clusterIp(11))
            .ports(
                List.of(
                    new ServicePort("dns", "UDP", null, 5353, IntOrString.of(5353), null),
                    new ServicePort("dns-tcp", "TCP", null, 5353, IntOrString.of(5353), null)))
            .build());
    for (String name : List.of("external", "headless")) {
      harness.setEndpoints(name, backends);
    }
    harness.setEndpoints("dns", "dns-tcp", List.of(backends.getFirst().address()));

    await()
        .atMost(DEADLINE)
        .until(() -> harness.proxier.listening(new Request(NAMESPACE, "dns")).size() == 1);
    assertThat(harness.proxier.listening(new Request(NAMESPACE, "dns")))
        .containsExactly(new InetSocketAddress(harness.clusterIp(11), 5353));
    assertThat(harness.proxier.listening(new Request(NAMESPACE, "external"))).isEmpty();
    assertThat(harness.proxier.listening(new Request(NAMESPACE, "headless"))).isEmpty();
    assertThat(harness.localAddresses.list()).containsExactly(harness.clusterIp(11));
  }

  @Test
  void holdsClusterIpsWhileTheirServicesExistAndRemovesStaleOnesAtStart() throws Exception {
    InetAddress stale = harness.clusterIp(99);
    harness.localAddresses.add(stale);
    InetAddress clusterIp = harness.clusterIp(10);
    harness.createService("web", harness.spec(ServiceSpec.CLUSTER_IP, clusterIp).build());
    harness.setEndpoints("web", backends);
    harness.start();

    await()
        .atMost(DEADLINE)
        .until(() -> harness.localAddresses.list().equals(java.util.Set.of(clusterIp)));
    InetSocketAddress service = new InetSocketAddress(clusterIp, SERVICE_PORT);
    await().atMost(DEADLINE).ignoreExceptions().until(() -> firstLine(service).equals("a"));

    harness.services.delete(NAMESPACE, "web");
    await().atMost(PROPAGATION).until(() -> refuses(service));
    await().atMost(DEADLINE).until(() -> harness.localAddresses.list().isEmpty());
  }

  @Test
  void releasesItsClusterIpsOnShutdown() throws Exception {
    harness.start();
    InetAddress clusterIp = harness.clusterIp(10);
    harness.createService("web", harness.spec(ServiceSpec.CLUSTER_IP, clusterIp).build());
    await().atMost(DEADLINE).until(() -> harness.localAddresses.list().contains(clusterIp));

    harness.controller.stop();
    harness.clusterIps.close();

    assertThat(harness.localAddresses.list()).isEmpty();
  }

  private List<String> reasons() {
    return harness.events.list(NAMESPACE).items().stream().map(Event::reason).toList();
  }
}
