package io.cetus.e2e.client;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.cetus.api.core.ConfigMap;
import io.cetus.api.errors.ApiErrors;
import io.cetus.api.meta.ObjectMeta;
import io.cetus.client.ObjectClient;
import io.cetus.client.WatchOptions;
import io.cetus.client.WatchStream;
import io.cetus.client.http.ApiClient;
import io.cetus.client.informer.ClientListerWatcher;
import io.cetus.client.informer.DefaultSharedInformer;
import io.cetus.client.informer.InformerOptions;
import io.cetus.client.informer.SharedInformer;
import io.cetus.client.informer.SharedInformerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ExtendWith(StoreUnderTest.class)
class SharedInformerIT {

  private static ApiClient api;
  private static ObjectClient<ConfigMap> configMaps;
  private String namespace;
  private SharedInformer<ConfigMap> informer;

  @BeforeAll
  static void connect(StoreUnderTest.Running platform) {
    api = platform.apiClient();
    configMaps = api.forType(ConfigMap.class);
  }

  @AfterAll
  static void disconnect() {
    api.close();
  }

  @BeforeEach
  void newNamespace() {
    namespace = StoreUnderTest.Running.newNamespace(api);
  }

  @AfterEach
  void stopInformer() {
    if (informer != null) {
      informer.stop();
    }
  }

  @Test
  void informerSeesAddsUpdatesAndDeletesMadeByAnotherClient() throws InterruptedException {
    ConfigMap before = configMaps.create(configMap("before"));
    var factory = new SharedInformerFactory(ClientListerWatcher.source(api));
    informer = factory.forType(ConfigMap.class);
    var handler = new RecordingHandler<ConfigMap>(namespace);
    informer.addEventHandler(handler);

    factory.start();
    assertThat(factory.awaitSynced(Duration.ofSeconds(10))).isTrue();
    assertThat(informer.lister().get(namespace, "before")).contains(before);

    ConfigMap created = configMaps.create(configMap("later"));
    configMaps.update(created.withData(Map.of("mode", "safe")));
    configMaps.delete(namespace, "before");

    await()
        .untilAsserted(
            () ->
                assertThat(handler.calls())
                    .containsExactly("add before", "add later", "update later", "delete before"));
    assertThat(informer.lister().list(namespace))
        .singleElement()
        .satisfies(cm -> assertThat(cm.data()).containsEntry("mode", "safe"));
  }

  @Test
  void informerCutOffPastTheWatchHistoryListsAgainAndCatchesUp() throws InterruptedException {
    ConfigMap kept = configMaps.create(configMap("kept"));
    configMaps.create(configMap("deleted"));
    var source =
        new PausableListerWatcher<>(
            ClientListerWatcher.of(configMaps, namespace, io.cetus.client.ListOptions.ALL));
    informer =
        new DefaultSharedInformer<>(
            "configmaps",
            source,
            InformerOptions.DEFAULTS.withBackoff(Duration.ofMillis(50), Duration.ofMillis(500)));
    var handler = new RecordingHandler<ConfigMap>(namespace);
    informer.addEventHandler(handler);
    informer.start();
    assertThat(informer.awaitSynced(Duration.ofSeconds(10))).isTrue();

    source.pause();
    String lastSeen = informer.lastSyncResourceVersion();
    configMaps.update(kept.withData(Map.of("mode", "changed")));
    configMaps.delete(namespace, "deleted");
    configMaps.create(configMap("new"));
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> expired(lastSeen));
    source.resume();

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(handler.calls())
                    .containsExactlyInAnyOrder(
                        "add kept",
                        "add deleted",
                        "update kept",
                        "delete deleted unknown",
                        "add new"));
    assertThat(source.lists()).isGreaterThanOrEqualTo(2);
    assertThat(informer.lister().list(namespace))
        .extracting(cm -> cm.metadata().name())
        .containsExactlyInAnyOrder("kept", "new");
  }

  private boolean expired(String resourceVersion) {
    try (WatchStream<ConfigMap> watch =
        configMaps.watch(namespace, WatchOptions.from(resourceVersion))) {
      watch.next();
      return false;
    } catch (RuntimeException e) {
      return ApiErrors.isGone(e);
    }
  }

  private ConfigMap configMap(String name) {
    return new ConfigMap(null, null, ObjectMeta.named(namespace, name), null, Map.of(), null);
  }
}
