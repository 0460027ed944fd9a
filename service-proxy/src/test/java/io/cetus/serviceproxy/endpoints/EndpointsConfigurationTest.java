package io.cetus.serviceproxy.endpoints;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.cetus.api.core.EndpointAddress;
import io.cetus.api.core.Endpoints;
import io.cetus.api.core.Pod;
import io.cetus.api.core.Service;
import io.cetus.boot.PlatformAutoConfiguration;
import io.cetus.controller.Controller;
import io.cetus.testsupport.client.FakeApiClient;

import static io.cetus.serviceproxy.endpoints.Fixtures.NAMESPACE;
import static io.cetus.serviceproxy.endpoints.Fixtures.WEB;
import static io.cetus.serviceproxy.endpoints.Fixtures.pod;
import static io.cetus.serviceproxy.endpoints.Fixtures.port;
import static io.cetus.serviceproxy.endpoints.Fixtures.running;
import static io.cetus.serviceproxy.endpoints.Fixtures.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The wiring: the platform starter runs the endpoints controller, unless it is switched off. */
class EndpointsConfigurationTest {

  private final FakeApiClient api = new FakeApiClient();
  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(PlatformAutoConfiguration.class))
          .withUserConfiguration(EndpointsConfiguration.class)
          .withBean(FakeApiClient.class, () -> api)
          .withPropertyValues(
              "platform.watch-source=http", "platform.leader-election.enabled=false");

  @Test
  void theStarterRunsTheControllerOnTheSharedInformers() {
    context
        .withPropertyValues("platform.service-proxy.endpoints.workers=2")
        .run(
            running -> {
              assertThat(running).hasSingleBean(Controller.class);
              assertThat(running.getBean(Controller.class).name()).isEqualTo("endpoints");
              assertThat(running.getBean(EndpointsProperties.class).workers()).isEqualTo(2);

              api.forType(Service.class).create(service("web", WEB, port(80, 8080)));
              Pod created = api.forType(Pod.class).create(pod("a", WEB));
              api.forType(Pod.class)
                  .updateStatus(created.withStatus(running("10.0.0.1", true, Instant.now())));

              await()
                  .atMost(Duration.ofSeconds(10))
                  .until(
                      () ->
                          api.forType(Endpoints.class)
                              .get(NAMESPACE, "web")
                              .map(e -> ips(e))
                              .orElse(List.of())
                              .equals(List.of("10.0.0.1")));
            });
  }

  @Test
  void itCanBeSwitchedOff() {
    context
        .withPropertyValues("platform.service-proxy.endpoints.enabled=false")
        .run(running -> assertThat(running).doesNotHaveBean(Controller.class));
  }

  private static List<String> ips(Endpoints endpoints) {
    return endpoints.subsets().stream()
        .flatMap(s -> s.addresses().stream())
        .map(EndpointAddress::ip)
        .toList();
  }
}
