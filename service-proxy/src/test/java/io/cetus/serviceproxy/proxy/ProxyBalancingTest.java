package io.cetus.serviceproxy.proxy;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cetus.api.core.ServiceSpec;

import static io.cetus.serviceproxy.proxy.ProxyHarness.DEADLINE;
import static io.cetus.serviceproxy.proxy.ProxyHarness.PROPAGATION;
import static io.cetus.serviceproxy.proxy.ProxyHarness.SERVICE_PORT;
import static io.cetus.serviceproxy.proxy.ProxyHarness.firstLine;
import static io.cetus.serviceproxy.proxy.ProxyHarness.refuses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** How connections to a cluster IP are spread over the ready endpoints. */
class ProxyBalancingTest {

  private ProxyHarness harness;
  private InetSocketAddress service;

  @BeforeEach
  void start() throws Exception {
    harness = new ProxyHarness().start();
    service = new InetSocketAddress(harness.clusterIp(10), SERVICE_PORT);
  }

  @AfterEach
  void stop() throws Exception {
    harness.close();
  }

  @Test
  void spreadsConnectionsRoundRobinOverThreeEndpoints() throws Exception {
    List<TestBackend> backends = harness.startBackends(3, TestBackend.IDENTIFY_AND_ECHO);
    harness.createService(
        "web", harness.spec(ServiceSpec.CLUSTER_IP, service.getAddress()).build());
    harness.setEndpoints("web", backends);
    awaitServing();

    List<String> names = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      names.add(firstLine(service));
    }

    assertThat(Set.copyOf(names.subList(0, 3))).containsExactlyInAnyOrder("a", "b", "c");
    assertThat(names.subList(3, 6)).isEqualTo(names.subList(0, 3));
    assertThat(harness.counter(PortMetrics.CONNECTIONS, "web")).isGreaterThanOrEqualTo(6);
  }

  @Test
  void skipsAnEndpointThatRefusesConnections() throws Exception {
    List<TestBackend> backends = harness.startBackends(2, TestBackend.IDENTIFY_AND_ECHO);
    int port = backends.getFirst().address().getPort();
    InetSocketAddress refusing = new InetSocketAddress(harness.backendIp(9), port);
    harness.createService(
        "web", harness.spec(ServiceSpec.CLUSTER_IP, service.getAddress()).build());
    harness.setEndpoints(
        "web", "", List.of(backends.get(0).address(), refusing, backends.get(1).address()));
    awaitServing();

    Set<String> names = new HashSet<>();
    for (int i = 0; i < 6; i++) {
      names.add(firstLine(service));
    }

    assertThat(names).containsExactlyInAnyOrder("a", "b");
    assertThat(harness.counter(PortMetrics.CONNECT_FAILURES, "web")).isGreaterThanOrEqualTo(2);
    assertThat(harness.counter(PortMetrics.UNSERVED, "web")).isZero();
  }

  @Test
  void resetsTheClientWhenNoEndpointCanBeReached() throws Exception {
    harness.createService(
        "web", harness.spec(ServiceSpec.CLUSTER_IP, service.getAddress()).build());
    harness.setEndpoints(
        "web",
        "",
        List.of(
            new InetSocketAddress(harness.backendIp(9), 1),
            new InetSocketAddress(harness.backendIp(8), 1)));
    await().atMost(DEADLINE).ignoreExceptions().until(() -> !refuses(service));

    try (Socket socket = new Socket()) {
      socket.setSoTimeout((int) DEADLINE.toMillis());
      socket.connect(service);
      assertThat(socket.getInputStream().read()).isEqualTo(-1);
    } catch (java.net.SocketException reset) {
      assertThat(reset.getMessage()).contains("reset");
    }
    await().atMost(DEADLINE).until(() -> harness.counter(PortMetrics.UNSERVED, "web") >= 1);
    assertThat(harness.counter(PortMetrics.CONNECT_FAILURES, "web")).isGreaterThanOrEqualTo(2);
  }

  @Test
  void refusesConnectionsWithoutEndpointsAndServesWithinASecondOnceOneAppears() throws Exception {
    List<TestBackend> backends = harness.startBackends(1, TestBackend.IDENTIFY_AND_ECHO);
    harness.createService(
        "web", harness.spec(ServiceSpec.CLUSTER_IP, service.getAddress()).build());
    await()
        .atMost(DEADLINE)
        .until(() -> harness.localAddresses.list().contains(service.getAddress()));

    assertThat(refuses(service)).isTrue();

    harness.setEndpoints("web", backends);
    await().atMost(PROPAGATION).ignoreExceptions().until(() -> firstLine(service).equals("a"));

    harness.setEndpoints("web", List.of());
    await().atMost(PROPAGATION).until(() -> refuses(service));

    harness.setEndpoints("web", backends);
    await().atMost(PROPAGATION).ignoreExceptions().until(() -> firstLine(service).equals("a"));
  }

  @Test
  void keepsConnectionsToARemovedEndpointAndSendsNewOnesElsewhere() throws Exception {
    List<TestBackend> backends = harness.startBackends(2, TestBackend.IDENTIFY_AND_ECHO);
    harness.createService(
        "web", harness.spec(ServiceSpec.CLUSTER_IP, service.getAddress()).build());
    harness.setEndpoints("web", List.of(backends.get(0)));
    awaitServing();

    try (Socket draining = new Socket()) {
      draining.setSoTimeout((int) DEADLINE.toMillis());
      draining.connect(service);
      InputStream in = draining.getInputStream();
      OutputStream out = draining.getOutputStream();
      assertThat(TestBackend.readLine(in)).isEqualTo("a");

      harness.setEndpoints("web", List.of(backends.get(1)));
      await().atMost(PROPAGATION).ignoreExceptions().until(() -> firstLine(service).equals("b"));
      for (int i = 0; i < 3; i++) {
        assertThat(firstLine(service)).isEqualTo("b");
      }

      out.write("still here\n".getBytes(StandardCharsets.UTF_8));
      out.flush();
      assertThat(TestBackend.readLine(in)).isEqualTo("still here");
    }
  }

  @Test
  void sendsAClientToTheSameEndpointWithClientIpAffinity() throws Exception {
    List<TestBackend> backends = harness.startBackends(3, TestBackend.IDENTIFY_AND_ECHO);
    harness.createService(
        "web",
        harness
            .spec(ServiceSpec.CLUSTER_IP, service.getAddress())
            .sessionAffinity("ClientIP")
            .sessionAffinityConfig(Map.of("clientIP", Map.of("timeoutSeconds", 600)))
            .build());
    harness.setEndpoints("web", backends);
    awaitServing();
    var first = java.net.InetAddress.getByName("127.0.0.2");
    var second = java.net.InetAddress.getByName("127.0.0.3");

    String firstsEndpoint = firstLine(service, first);
    String secondsEndpoint = firstLine(service, second);
    for (int i = 0; i < 5; i++) {
      assertThat(firstLine(service, first)).isEqualTo(firstsEndpoint);
      assertThat(firstLine(service, second)).isEqualTo(secondsEndpoint);
    }
    assertThat(firstsEndpoint).isNotEqualTo(secondsEndpoint);

    // the affine endpoint goes away: the client moves, and stays where it moved
    harness.setEndpoints(
        "web", backends.stream().filter(b -> !b.name().equals(firstsEndpoint)).toList());
    await()
        .atMost(PROPAGATION)
        .ignoreExceptions()
        .until(() -> !firstLine(service, first).equals(firstsEndpoint));
    String moved = firstLine(service, first);
    for (int i = 0; i < 5; i++) {
      assertThat(firstLine(service, first)).isEqualTo(moved);
    }
  }

  private void awaitServing() {
    await().atMost(DEADLINE).ignoreExceptions().until(() -> !firstLine(service).isEmpty());
  }
}
