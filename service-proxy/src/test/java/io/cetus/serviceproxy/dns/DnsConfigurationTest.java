package io.cetus.serviceproxy.dns;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.cetus.client.informer.SharedInformerFactory;
import io.cetus.testsupport.client.FakeApiClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The cluster DNS as the application wires it from {@code platform.service-proxy.dns.*}. */
class DnsConfigurationTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withUserConfiguration(DnsConfiguration.class)
          .withBean(
              SharedInformerFactory.class, () -> new SharedInformerFactory(new FakeApiClient()))
          .withPropertyValues(
              "platform.service-proxy.dns.address=127.0.0.1",
              "platform.service-proxy.dns.port=0",
              "platform.service-proxy.dns.upstream=192.0.2.53,192.0.2.54:5353");

  @Test
  void servesOnceTheContextStartsWithTheConfiguredUpstream() {
    runner.run(
        context -> {
          ClusterDnsServer server = context.getBean(ClusterDnsServer.class);
          await().atMost(Duration.ofSeconds(10)).until(() -> server.status().serving());
          assertThat(server.status().upstream())
              .extracting(
                  address -> address.getAddress().getHostAddress() + ":" + address.getPort())
              .containsExactly("192.0.2.53:53", "192.0.2.54:5353");
          assertThat(context).hasBean("clusterDnsHealthIndicator");
        });
  }

  @Test
  void canBeTurnedOff() {
    runner
        .withPropertyValues("platform.service-proxy.dns.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(ClusterDnsServer.class));
  }

  @Test
  void defaultsToTheClusterDefaults() {
    runner.run(
        context -> {
          DnsProperties properties = context.getBean(DnsProperties.class);
          assertThat(properties.clusterDomain()).isEqualTo("cluster.local");
          assertThat(properties.ttl()).isEqualTo(Duration.ofSeconds(5));
          assertThat(properties.resolvConf()).isEqualTo("/etc/resolv.conf");
        });
  }
}
