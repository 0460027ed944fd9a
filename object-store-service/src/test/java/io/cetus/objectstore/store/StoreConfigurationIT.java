package io.cetus.objectstore.store;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import io.cetus.objectstore.store.redis.RedisObjectStore;
import io.cetus.testsupport.redis.RedisServerProcess;

import static io.cetus.api.resource.ResourceTypes.CONFIG_MAPS;
import static org.assertj.core.api.Assertions.assertThat;

class StoreConfigurationIT {

  @Test
  void redisIsTheDefaultBackendAtTheConfiguredUrl() {
    try (var redis = RedisServerProcess.start()) {
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
          .withUserConfiguration(StoreConfiguration.class)
          .withPropertyValues("spring.data.redis.url=" + redis.uri())
          .run(
              running -> {
                ObjectStore store = running.getBean(ObjectStore.class);
                assertThat(store).isInstanceOf(RedisObjectStore.class);
                store.create(CONFIG_MAPS, ObjectStoreContract.configMap("default", "a", "1"));
                var template =
                    new StringRedisTemplate(running.getBean(RedisConnectionFactory.class));
                assertThat(template.opsForValue().get("{cetus}:rev")).isEqualTo("1");
              });
    }
  }
}
