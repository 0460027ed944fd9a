package io.cetus.objectstore.store;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.cetus.objectstore.store.memory.InMemoryObjectStore;
import io.cetus.objectstore.store.redis.RedisObjectStore;

import static io.cetus.api.resource.ResourceTypes.CONFIG_MAPS;
import static org.assertj.core.api.Assertions.assertThat;

class StoreConfigurationTest {

  private final ApplicationContextRunner context =
      new ApplicationContextRunner().withUserConfiguration(StoreConfiguration.class);

  @Test
  void memoryBackendKeepsObjectsInTheProcess() {
    context
        .withPropertyValues("platform.object-store.backend=memory")
        .run(
            running -> {
              assertThat(running)
                  .hasSingleBean(RevisionCompactor.class)
                  .doesNotHaveBean(RedisObjectStore.class);
              ObjectStore store = running.getBean(ObjectStore.class);
              assertThat(store).isInstanceOf(InMemoryObjectStore.class);
              store.create(CONFIG_MAPS, ObjectStoreContract.configMap("default", "a", "1"));
              assertThat(store.currentRevision()).isEqualTo(1);
            });
  }

  @Test
  void anUnknownBackendStopsTheStart() {
    context
        .withPropertyValues("platform.object-store.backend=etcd")
        .run(
            running ->
                assertThat(running)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("etcd")
                    .hasMessageContaining("Backend"));
  }

  @Test
  void retentionSettingsHaveKubernetesLikeDefaultsAndCanBeChanged() {
    context
        .withPropertyValues("platform.object-store.backend=memory")
        .run(
            running ->
                assertThat(running.getBean(StoreProperties.class))
                    .isEqualTo(
                        new StoreProperties(
                            StoreProperties.Backend.MEMORY,
                            Duration.ofHours(1),
                            Duration.ofMinutes(5),
                            Duration.ofMinutes(1))));
    context
        .withPropertyValues(
            "platform.object-store.backend=memory",
            "platform.object-store.event-ttl=10m",
            "platform.object-store.watch-history=30s")
        .run(
            running -> {
              StoreProperties properties = running.getBean(StoreProperties.class);
              assertThat(properties.eventTtl()).isEqualTo(Duration.ofMinutes(10));
              assertThat(properties.watchHistory()).isEqualTo(Duration.ofSeconds(30));
            });
  }
}
