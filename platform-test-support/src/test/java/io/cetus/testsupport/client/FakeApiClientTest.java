package io.cetus.testsupport.client;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cetus.api.core.ConfigMap;
import io.cetus.api.errors.ApiErrors;
import io.cetus.api.errors.ApiException;
import io.cetus.api.errors.Reason;
import io.cetus.api.meta.ObjectMeta;
import io.cetus.client.ObjectClient;
import io.cetus.client.ObjectClientFactory;
import io.cetus.client.WatchOptions;
import io.cetus.client.WatchStream;
import io.cetus.client.informer.SharedInformer;
import io.cetus.client.informer.SharedInformerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class FakeApiClientTest extends ObjectClientContract {

  private final FakeApiClient api = new FakeApiClient();
  private final ObjectClient<ConfigMap> configMaps = api.forType(ConfigMap.class);
  private final SharedInformerFactory informers = new SharedInformerFactory(api);

  @Override
  protected ObjectClientFactory clients() {
    return api;
  }

  @Override
  protected String namespace() {
    return "test";
  }

  @AfterEach
  void stopInformers() {
    informers.stop();
  }

  @Test
  void informerOnTheFakeSeesObjectsCreatedBeforeAndAfterItStarted() throws Exception {
    configMaps.create(configMap("before"));
    SharedInformer<ConfigMap> informer = informers.forType(ConfigMap.class);
    informers.start();
    assertThat(informers.awaitSynced(Duration.ofSeconds(5))).isTrue();

    configMaps.create(configMap("after"));

    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(informer.lister().list())
                    .extracting(cm -> cm.metadata().name())
                    .containsExactlyInAnyOrder("before", "after"));
  }

  @Test
  void informerRecoversFromDroppedWatchesAndCompactionWithoutLosingChanges() throws Exception {
    SharedInformer<ConfigMap> informer = informers.forType(ConfigMap.class);
    informers.start();
    assertThat(informers.awaitSynced(Duration.ofSeconds(5))).isTrue();

    api.dropWatches();
    configMaps.create(configMap("a"));
    api.compact();
    api.dropWatches();
    configMaps.create(configMap("b"));

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(informer.lister().list())
                    .extracting(cm -> cm.metadata().name())
                    .containsExactlyInAnyOrder("a", "b"));
  }

  @Test
  void watchFromBeforeACompactionFailsWithExpired() {
    String old = configMaps.create(configMap("a")).metadata().resourceVersion();
    configMaps.create(configMap("b"));
    api.compact();

    assertThatThrownBy(() -> configMaps.watch("test", WatchOptions.from(old)))
        .satisfies(e -> assertThat(ApiErrors.isGone(e)).isTrue());
  }

  @Test
  void droppedWatchEnds() {
    try (WatchStream<ConfigMap> watch =
        configMaps.watch("test", WatchOptions.from(api.resourceVersion()))) {
      api.dropWatches();

      assertThat(watch.next()).isEmpty();
    }
  }

  @Test
  void injectedWriteFailureFailsOnlyTheNextWrite() {
    api.failNextWrite(new ApiException(Reason.SERVICE_UNAVAILABLE, "store down"));

    assertThatThrownBy(() -> configMaps.create(configMap("a")))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.reason()).isEqualTo(Reason.SERVICE_UNAVAILABLE));
    assertThat(configMaps.create(configMap("a")).metadata().name()).isEqualTo("a");
  }

  private static ConfigMap configMap(String name) {
    return new ConfigMap(null, null, ObjectMeta.named("test", name), null, Map.of(), null);
  }
}
