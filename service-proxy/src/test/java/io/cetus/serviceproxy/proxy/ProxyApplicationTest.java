package io.cetus.serviceproxy.proxy;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import io.cetus.api.core.EndpointAddress;
import io.cetus.api.core.EndpointPort;
import io.cetus.api.core.EndpointSubset;
import io.cetus.api.core.Endpoints;
import io.cetus.api.core.Service;
import io.cetus.api.core.ServicePort;
import io.cetus.api.core.ServiceSpec;
import io.cetus.api.meta.IntOrString;
import io.cetus.api.meta.ObjectMeta;
import io.cetus.testsupport.boot.ControllerServiceTest;
import io.cetus.testsupport.boot.LocalHttp;
import io.cetus.testsupport.client.FakeApiClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The proxy as the service runs it: settings bound, controller started by the platform starter,
 * meters on {@code /actuator/prometheus}. Holding cluster IPs is off: a test must never touch the
 * machine's real pods' network, where a running platform may hold its own.
 */
@ControllerServiceTest
@TestPropertySource(
    properties = {
      "platform.service-proxy.node-address=127.77.251.1",
      "platform.service-proxy.proxy.hold-cluster-ips=false",
      "platform.service-proxy.proxy.connect-timeout=2s"
    })
class ProxyApplicationTest {

  private static final Duration DEADLINE = Duration.ofSeconds(10);

  @Autowired private FakeApiClient api;
  @Autowired private ServiceProxyProperties properties;
  @LocalServerPort private int port;
  private TestBackend backend;

  @AfterEach
  void stopBackend() throws Exception {
    if (backend != null) {
      backend.close();
    }
  }

  @Test
  void bindsItsSettings() {
    assertThat(properties.podSubnet()).isEqualTo("10.242.0.0/16");
    assertThat(properties.clusterIpRange()).isEqualTo("10.242.128.0/18");
    assertThat(properties.podNetwork()).isEqualTo("cetus");
    assertThat(properties.nodeAddress()).isEqualTo("127.77.251.1");
    assertThat(properties.proxy().connectTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(properties.proxy().holdClusterIps()).isFalse();
    assertThat(properties.proxy().transport()).isEqualTo(ServiceProxyProperties.TransportMode.AUTO);
  }

  @Test
  void servesANodePortServiceAndReportsItsConnections() throws Exception {
    backend =
        new TestBackend(
            "pod", new InetSocketAddress("127.78.251.1", 0), TestBackend.IDENTIFY_AND_ECHO);
    api.forType(Service.class)
        .create(
            new Service(
                null,
                null,
                ObjectMeta.named("default", "web"),
                ServiceSpec.builder()
                    .type(ServiceSpec.NODE_PORT)
                    .clusterIP("127.77.251.10")
                    .ports(
                        List.of(
                            new ServicePort(
                                "http", "TCP", null, 80, IntOrString.of("http"), 30081)))
                    .build(),
                null));
    api.forType(Endpoints.class)
        .create(
            new Endpoints(
                null,
                null,
                ObjectMeta.named("default", "web"),
                List.of(
                    new EndpointSubset(
                        List.of(new EndpointAddress("127.78.251.1", null, null, null)),
                        List.of(),
                        List.of(
                            new EndpointPort("http", backend.address().getPort(), "TCP", null))))));

    InetSocketAddress nodePort = new InetSocketAddress("127.77.251.1", 30081);
    await()
        .atMost(DEADLINE)
        .ignoreExceptions()
        .until(() -> ProxyHarness.firstLine(nodePort).equals("pod"));
    assertThat(ProxyHarness.firstLine(new InetSocketAddress("127.77.251.10", 80))).isEqualTo("pod");

    assertThat(LocalHttp.get(port, "/actuator/prometheus"))
        .contains(
            "cetus_proxy_connections_total{namespace=\"default\",port=\"http\",service=\"web\"}")
        .contains("cetus_proxy_connections_active{")
        .contains("cetus_proxy_bytes_total{direction=\"to-client\"")
        .contains("cetus_controller_reconcile_seconds_count{controller=\"proxy\"");
  }
}
