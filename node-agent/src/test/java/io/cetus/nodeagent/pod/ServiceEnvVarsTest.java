package io.cetus.nodeagent.pod;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cetus.api.core.ConfigMap;
import io.cetus.api.core.Container;
import io.cetus.api.core.Pod;
import io.cetus.api.core.Secret;
import io.cetus.api.core.Service;
import io.cetus.api.json.Json;
import io.cetus.client.ObjectClient;
import io.cetus.testsupport.client.FakeApiClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class ServiceEnvVarsTest {

  private final FakeApiClient api = new FakeApiClient();
  private final ObjectClient<Service> services = api.forType(Service.class);
  private final LiveLister<Service> lister = new LiveLister<>(services);

  @Test
  void namedPortsGetTheirOwnVariablesAndEveryPortItsLinkVariables() {
    service(
        "shop",
        """
        metadata: {name: order-db}
        spec:
          clusterIP: 10.242.128.7
          ports:
            - {name: sql, port: 5432, targetPort: 5432}
            - {name: admin-ui, port: 8080, protocol: TCP}
            - {name: stats, port: 9125, protocol: UDP}
        """);

    Map<String, String> env = ServiceEnvVars.forPod(pod("shop", ""), lister);

    assertThat(env)
        .containsExactly(
            entry("ORDER_DB_SERVICE_HOST", "10.242.128.7"),
            entry("ORDER_DB_SERVICE_PORT", "5432"),
            entry("ORDER_DB_SERVICE_PORT_SQL", "5432"),
            entry("ORDER_DB_SERVICE_PORT_ADMIN_UI", "8080"),
            entry("ORDER_DB_SERVICE_PORT_STATS", "9125"),
            entry("ORDER_DB_PORT", "tcp://10.242.128.7:5432"),
            entry("ORDER_DB_PORT_5432_TCP", "tcp://10.242.128.7:5432"),
            entry("ORDER_DB_PORT_5432_TCP_PROTO", "tcp"),
            entry("ORDER_DB_PORT_5432_TCP_PORT", "5432"),
            entry("ORDER_DB_PORT_5432_TCP_ADDR", "10.242.128.7"),
            entry("ORDER_DB_PORT_8080_TCP", "tcp://10.242.128.7:8080"),
            entry("ORDER_DB_PORT_8080_TCP_PROTO", "tcp"),
            entry("ORDER_DB_PORT_8080_TCP_PORT", "8080"),
            entry("ORDER_DB_PORT_8080_TCP_ADDR", "10.242.128.7"),
            entry("ORDER_DB_PORT_9125_UDP", "udp://10.242.128.7:9125"),
            entry("ORDER_DB_PORT_9125_UDP_PROTO", "udp"),
            entry("ORDER_DB_PORT_9125_UDP_PORT", "9125"),
            entry("ORDER_DB_PORT_9125_UDP_ADDR", "10.242.128.7"));
  }

  @Test
  void anUnnamedPortHasNoNamedVariable() {
    service(
        "shop",
        "{metadata: {name: redis}, spec: {clusterIP: 10.242.128.9, ports: [{port: 6379}]}}");

    assertThat(ServiceEnvVars.forPod(pod("shop", ""), lister))
        .containsExactly(
            entry("REDIS_SERVICE_HOST", "10.242.128.9"),
            entry("REDIS_SERVICE_PORT", "6379"),
            entry("REDIS_PORT", "tcp://10.242.128.9:6379"),
            entry("REDIS_PORT_6379_TCP", "tcp://10.242.128.9:6379"),
            entry("REDIS_PORT_6379_TCP_PROTO", "tcp"),
            entry("REDIS_PORT_6379_TCP_PORT", "6379"),
            entry("REDIS_PORT_6379_TCP_ADDR", "10.242.128.9"));
  }

  @Test
  void servicesOfThePodsNamespaceAndKubernetesInDefaultInNameOrder() {
    service(
        "shop", "{metadata: {name: web}, spec: {clusterIP: 10.242.128.2, ports: [{port: 80}]}}");
    service(
        "shop", "{metadata: {name: cart}, spec: {clusterIP: 10.242.128.3, ports: [{port: 81}]}}");
    service(
        "other", "{metadata: {name: mail}, spec: {clusterIP: 10.242.128.4, ports: [{port: 25}]}}");
    service(
        "default",
        "{metadata: {name: kubernetes}, spec: {clusterIP: 10.242.128.1, ports: [{name: https, port:"
            + " 443}]}}");
    service(
        "default",
        "{metadata: {name: db}, spec: {clusterIP: 10.242.128.5, ports: [{port: 5432}]}}");

    Map<String, String> env = ServiceEnvVars.forPod(pod("shop", ""), lister);

    assertThat(env.keySet().stream().filter(k -> k.endsWith("_SERVICE_HOST")))
        .containsExactly("CART_SERVICE_HOST", "KUBERNETES_SERVICE_HOST", "WEB_SERVICE_HOST");
    assertThat(env)
        .containsEntry("KUBERNETES_SERVICE_HOST", "10.242.128.1")
        .containsEntry("KUBERNETES_SERVICE_PORT", "443")
        .containsEntry("KUBERNETES_SERVICE_PORT_HTTPS", "443")
        .containsEntry("KUBERNETES_PORT", "tcp://10.242.128.1:443")
        .doesNotContainKey("MAIL_SERVICE_HOST")
        .doesNotContainKey("DB_SERVICE_HOST");
  }

  @Test
  void withServiceLinksOffOnlyKubernetesIsLeft() {
    service(
        "shop", "{metadata: {name: web}, spec: {clusterIP: 10.242.128.2, ports: [{port: 80}]}}");
    service(
        "default",
        "{metadata: {name: kubernetes}, spec: {clusterIP: 10.242.128.1, ports: [{port: 443}]}}");

    Map<String, String> env =
        ServiceEnvVars.forPod(pod("shop", "enableServiceLinks: false"), lister);

    assertThat(env).containsKey("KUBERNETES_SERVICE_HOST").doesNotContainKey("WEB_SERVICE_HOST");
    assertThat(env.keySet()).allMatch(name -> name.startsWith("KUBERNETES_"));
  }

  @Test
  void noKubernetesServiceNoKubernetesVariables() {
    service(
        "shop", "{metadata: {name: web}, spec: {clusterIP: 10.242.128.2, ports: [{port: 80}]}}");

    assertThat(ServiceEnvVars.forPod(pod("shop", "enableServiceLinks: false"), lister)).isEmpty();
    assertThat(ServiceEnvVars.forPod(pod("shop", ""), lister))
        .doesNotContainKey("KUBERNETES_SERVICE_HOST");
  }

  @Test
  void aServiceOfThePodsNamespaceHidesKubernetesOfDefault() {
    service(
        "default",
        "{metadata: {name: kubernetes}, spec: {clusterIP: 10.242.128.1, ports: [{port: 443}]}}");
    service(
        "shop",
        "{metadata: {name: kubernetes}, spec: {clusterIP: 10.242.128.8, ports: [{port: 8443}]}}");

    assertThat(ServiceEnvVars.forPod(pod("shop", ""), lister))
        .containsEntry("KUBERNETES_SERVICE_HOST", "10.242.128.8")
        .containsEntry("KUBERNETES_SERVICE_PORT", "8443");
    assertThat(ServiceEnvVars.forPod(pod("shop", "enableServiceLinks: false"), lister))
        .containsEntry("KUBERNETES_SERVICE_HOST", "10.242.128.1");
  }

  @Test
  void headlessAndExternalNameServicesHaveNoVariables() {
    service("shop", "{metadata: {name: peers}, spec: {clusterIP: None, ports: [{port: 7000}]}}");
    service(
        "shop",
        "{metadata: {name: mail}, spec: {type: ExternalName, externalName: mail.example.com}}");
    service("shop", "{metadata: {name: pending}, spec: {ports: [{port: 80}]}}");

    assertThat(ServiceEnvVars.forPod(pod("shop", ""), lister)).isEmpty();
  }

  @Test
  void theContainersOwnVariablesWinAndTheServicesComeFirst() throws Exception {
    service(
        "shop", "{metadata: {name: web}, spec: {clusterIP: 10.242.128.2, ports: [{port: 80}]}}");
    EnvResolver resolver =
        new EnvResolver(
            api.forType(ConfigMap.class), api.forType(Secret.class), ClusterServices.of(lister));
    Pod pod = pod("shop", "");
    Container container =
        Json.yaml()
            .readValue(
                """
                name: app
                image: app:1
                env:
                  - {name: GREETING, value: hello}
                  - {name: WEB_SERVICE_PORT, value: "8080"}
                """,
                Container.class);

    Map<String, String> env = resolver.resolve(pod, container, "10.242.0.5", "192.0.2.10");

    assertThat(env.keySet())
        .startsWith("WEB_SERVICE_HOST", "WEB_SERVICE_PORT")
        .endsWith("GREETING");
    assertThat(env)
        .containsEntry("WEB_SERVICE_HOST", "10.242.128.2")
        .containsEntry("WEB_SERVICE_PORT", "8080")
        .containsEntry("WEB_PORT", "tcp://10.242.128.2:80")
        .containsEntry("GREETING", "hello");
  }

  @Test
  void containersWaitForTheServicesToBeReadOnce() throws Exception {
    service(
        "shop", "{metadata: {name: web}, spec: {clusterIP: 10.242.128.2, ports: [{port: 80}]}}");
    ClusterServices cluster = ClusterServices.watching(api);
    EnvResolver resolver =
        new EnvResolver(
            api.forType(ConfigMap.class), api.forType(Secret.class), cluster, Duration.ZERO);
    Container container = Container.of("app", "app:1");

    assertThatThrownBy(() -> resolver.resolve(pod("shop", ""), container, null, "192.0.2.10"))
        .isInstanceOf(ContainerConfigException.class)
        .hasMessage("services have not yet been read at least once, cannot construct envvars");

    cluster.start();
    try {
      assertThat(cluster.awaitSynced(Duration.ofSeconds(10))).isTrue();
      assertThat(resolver.resolve(pod("shop", ""), container, null, "192.0.2.10"))
          .containsEntry("WEB_SERVICE_HOST", "10.242.128.2");
    } finally {
      cluster.stop();
    }
  }

  @Test
  void envNamesAreUpperCaseWithUnderscores() {
    assertThat(ServiceEnvVars.envName("my-web-app")).isEqualTo("MY_WEB_APP");
    assertThat(ServiceEnvVars.fromServices(List.of())).isEmpty();
  }

  private void service(String namespace, String yaml) {
    Service service = Json.yaml().readValue(yaml, Service.class);
    services.create(service.withMetadata(service.metadata().withNamespace(namespace)));
  }

  private static Pod pod(String namespace, String specFields) {
    String yaml =
        """
        metadata: {name: web-0, uid: u-1}
        spec:
          containers: [{name: app, image: app:1}]
        """
            + (specFields.isEmpty() ? "" : "  " + specFields + "\n");
    Pod pod = Json.yaml().readValue(yaml, Pod.class);
    return pod.withMetadata(pod.metadata().withNamespace(namespace));
  }
}
