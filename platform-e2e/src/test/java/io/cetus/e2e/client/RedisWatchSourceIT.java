package io.cetus.e2e.client;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.cetus.api.core.ConfigMap;
import io.cetus.api.errors.ApiErrors;
import io.cetus.api.meta.ObjectMeta;
import io.cetus.api.watch.WatchEvent;
import io.cetus.client.ObjectClient;
import io.cetus.client.WatchStream;
import io.cetus.client.http.ApiClient;
import io.cetus.client.informer.SharedInformer;
import io.cetus.client.informer.SharedInformerFactory;
import io.cetus.client.redis.RedisWatchSource;
import io.lettuce.core.RedisClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ExtendWith(StoreUnderTest.class)
class RedisWatchSourceIT {

  private static ApiClient api;
  private static RedisClient redis;
  private static ObjectClient<ConfigMap> configMaps;
  private String namespace;
  private RedisWatchSource<ConfigMap> source;
  private SharedInformerFactory factory;

  @BeforeAll
  static void connect(StoreUnderTest.Running platform) {
    api = platform.apiClient();
    redis = RedisClient.create(platform.redis().uri());
    configMaps = api.forType(ConfigMap.class);
  }

  @AfterAll
  static void disconnect() {
    redis.shutdown();
    api.close();
  }

  @BeforeEach
  void newNamespace() {
    namespace = StoreUnderTest.Running.newNamespace(api);
    source = new RedisWatchSource<>(configMaps, redis, ConfigMap.class, namespace);
  }

  @AfterEach
  void stopInformers() {
    if (factory != null) {
      factory.stop();
    }
  }

  @Test
  void watchFromTheListRevisionDeliversChangesWrittenThroughTheApi() {
    String from = source.list().resourceVersion();
    try (WatchStream<ConfigMap> watch = source.watch(from)) {
      ConfigMap created = configMaps.create(configMap("settings"));
      ConfigMap updated = configMaps.update(created.withData(Map.of("mode", "safe")));
      configMaps.delete(namespace, "settings");

      assertThat(next(watch)).isEqualTo(new WatchEvent<>(WatchEvent.ADDED, created));
      assertThat(next(watch)).isEqualTo(new WatchEvent<>(WatchEvent.MODIFIED, updated));
      WatchEvent<ConfigMap> deleted = next(watch);
      assertThat(deleted.type()).isEqualTo(WatchEvent.DELETED);
      assertThat(Long.parseLong(deleted.object().metadata().resourceVersion()))
          .isGreaterThan(Long.parseLong(updated.metadata().resourceVersion()));
    }
  }

  @Test
  void watchSkipsOtherNamespaces() {
    String other = StoreUnderTest.Running.newNamespace(api);
    String from = source.list().resourceVersion();
    try (WatchStream<ConfigMap> watch = source.watch(from)) {
      configMaps.create(
          new ConfigMap(null, null, ObjectMeta.named(other, "elsewhere"), null, Map.of(), null));
      ConfigMap mine = configMaps.create(configMap("mine"));

      assertThat(next(watch)).isEqualTo(new WatchEvent<>(WatchEvent.ADDED, mine));
    }
  }

  @Test
  void watchFromACompactedRevisionFailsWithExpired() {
    String old = configMaps.create(configMap("first")).metadata().resourceVersion();
    configMaps.create(configMap("second"));

    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> expired(old));
  }

  @Test
  void waitingWatchOutlivesCompactionOfOtherResourcesChanges() throws Exception {
    String from = source.list().resourceVersion();
    try (WatchStream<ConfigMap> watch = source.watch(from)) {
      CompletableFuture<Optional<WatchEvent<ConfigMap>>> next =
          CompletableFuture.supplyAsync(watch::next);

      // Another resource moves the global revision on, and compaction passes the watch's start.
      StoreUnderTest.Running.newNamespace(api);
      await()
          .atMost(Duration.ofSeconds(20))
          .pollInterval(Duration.ofMillis(250))
          .until(() -> expired(from));
      ConfigMap created = configMaps.create(configMap("late"));

      assertThat(next.get(10, TimeUnit.SECONDS))
          .contains(new WatchEvent<>(WatchEvent.ADDED, created));
    }
  }

  private boolean expired(String resourceVersion) {
    try (WatchStream<ConfigMap> probe = source.watch(resourceVersion)) {
      return false;
    } catch (RuntimeException e) {
      return ApiErrors.isGone(e);
    }
  }

  @Test
  void informerOverRedisSeesChangesMadeThroughTheApi() throws InterruptedException {
    factory = new SharedInformerFactory(RedisWatchSource.source(api, redis));
    SharedInformer<ConfigMap> informer = factory.forType(ConfigMap.class);
    var handler = new RecordingHandler<ConfigMap>(namespace);
    informer.addEventHandler(handler);
    factory.start();
    assertThat(factory.awaitSynced(Duration.ofSeconds(10))).isTrue();

    ConfigMap created = configMaps.create(configMap("a"));
    configMaps.update(created.withData(Map.of("k", "v")));
    configMaps.delete(namespace, "a");

    await()
        .untilAsserted(
            () -> assertThat(handler.calls()).containsExactly("add a", "update a", "delete a"));
    assertThat(informer.lister().list(namespace)).isEmpty();
  }

  private static WatchEvent<ConfigMap> next(WatchStream<ConfigMap> watch) {
    Optional<WatchEvent<ConfigMap>> event = watch.next();
    assertThat(event).as("watch ended early").isPresent();
    return event.get();
  }

  private ConfigMap configMap(String name) {
    return new ConfigMap(null, null, ObjectMeta.named(namespace, name), null, Map.of(), null);
  }
}
