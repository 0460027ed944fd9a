package io.cetus.e2e.fabric8;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.cetus.e2e.support.CetusPlatform;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The fabric8 Kubernetes client, unmodified, against the platform: CRUD, watches (fabric8 watches
 * over WebSocket) and a shared informer.
 */
@ExtendWith(CetusPlatform.class)
class Fabric8ClientE2E {

  private static final String NAMESPACE = "fabric8";
  private static KubernetesClient client;

  @BeforeAll
  static void connect() {
    Config config =
        new ConfigBuilder()
            .withMasterUrl("http://127.0.0.1:" + CetusPlatform.API_PORT)
            .withNamespace(NAMESPACE)
            .withRequestTimeout(10_000)
            .build();
    client = new KubernetesClientBuilder().withConfig(config).build();
    client
        .namespaces()
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
        .serverSideApply();
  }

  @AfterAll
  static void disconnect() {
    client.close();
  }

  @Test
  void createsReadsUpdatesAndDeletesObjects() {
    ConfigMap created =
        client.configMaps().resource(configMap("crud", Map.of("colour", "blue"))).create();
    assertThat(created.getMetadata().getUid()).isNotBlank();
    assertThat(created.getMetadata().getResourceVersion()).isNotBlank();

    ConfigMap edited =
        client.configMaps().withName("crud").edit(cm -> withData(cm, Map.of("colour", "red")));
    assertThat(edited.getData()).containsEntry("colour", "red");
    assertThat(client.configMaps().withName("crud").get().getData()).containsEntry("colour", "red");

    ConfigMap stale = withData(created, Map.of("colour", "green"));
    assertThat(
            org.assertj.core.api.Assertions.catchThrowableOfType(
                KubernetesClientException.class,
                () -> client.configMaps().resource(stale).update()))
        .extracting(KubernetesClientException::getCode)
        .isEqualTo(409);

    assertThat(client.configMaps().withName("crud").delete()).hasSize(1);
    assertThat(client.configMaps().withName("crud").get()).isNull();
  }

  @Test
  void watchDeliversAddsChangesAndDeletes() {
    List<String> seen = new CopyOnWriteArrayList<>();
    try (var watch =
        client
            .configMaps()
            .withLabel("watched", "yes")
            .watch(
                new Watcher<ConfigMap>() {
                  @Override
                  public void eventReceived(Action action, ConfigMap resource) {
                    seen.add(action + " " + resource.getMetadata().getName());
                  }

                  @Override
                  public void onClose(WatcherException cause) {}
                })) {
      var watched = configMap("watched", Map.of("v", "1"));
      watched.getMetadata().setLabels(Map.of("watched", "yes"));
      client.configMaps().resource(watched).create();
      client.configMaps().withName("watched").edit(cm -> withData(cm, Map.of("v", "2")));
      client.configMaps().withName("watched").delete();

      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () ->
                  assertThat(seen)
                      .containsSubsequence("ADDED watched", "MODIFIED watched", "DELETED watched"));
    }
  }

  @Test
  void sharedInformerKeepsItsCacheInStep() {
    List<String> added = new CopyOnWriteArrayList<>();
    List<String> deleted = new CopyOnWriteArrayList<>();
    var informer =
        client
            .configMaps()
            .withLabel("informed", "yes")
            .inform(
                new ResourceEventHandler<>() {
                  @Override
                  public void onAdd(ConfigMap obj) {
                    added.add(obj.getMetadata().getName());
                  }

                  @Override
                  public void onUpdate(ConfigMap oldObj, ConfigMap newObj) {}

                  @Override
                  public void onDelete(ConfigMap obj, boolean deletedFinalStateUnknown) {
                    deleted.add(obj.getMetadata().getName());
                  }
                });
    try {
      for (String name : List.of("informed-a", "informed-b")) {
        var cm = configMap(name, Map.of());
        cm.getMetadata().setLabels(Map.of("informed", "yes"));
        client.configMaps().resource(cm).create();
      }
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () -> {
                assertThat(added).contains("informed-a", "informed-b");
                assertThat(informer.getStore().listKeys())
                    .contains(NAMESPACE + "/informed-a", NAMESPACE + "/informed-b");
              });

      client.configMaps().withName("informed-a").delete();
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () -> {
                assertThat(deleted).contains("informed-a");
                assertThat(informer.getStore().listKeys())
                    .doesNotContain(NAMESPACE + "/informed-a");
              });
    } finally {
      informer.close();
    }
  }

  private static ConfigMap configMap(String name, Map<String, String> data) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(NAMESPACE)
        .endMetadata()
        .withData(data)
        .build();
  }

  private static ConfigMap withData(ConfigMap configMap, Map<String, String> data) {
    return new ConfigMapBuilder(configMap).withData(data).build();
  }
}
