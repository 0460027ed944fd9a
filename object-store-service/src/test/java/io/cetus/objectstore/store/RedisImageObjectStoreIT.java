package io.cetus.objectstore.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

import io.cetus.objectstore.store.redis.RedisObjectStore;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The store contract against Redis as the platform ships it in a container: the image that {@code
 * scripts/airgap-images.sh} builds (or {@code CETUS_REDIS_IMAGE}), run by Testcontainers. Skipped,
 * with the reason, when there is no Docker engine or the image has not been built; never pulled
 * (there may be no registry).
 */
@Testcontainers(disabledWithoutDocker = true)
class RedisImageObjectStoreIT extends ObjectStoreContract {

  private static final String IMAGE =
      System.getenv().getOrDefault("CETUS_REDIS_IMAGE", "cetus/redis:7");

  private static GenericContainer<?> redis;
  private static LettuceConnectionFactory connectionFactory;

  @BeforeAll
  static void startRedis() {
    assumeTrue(
        !DockerClientFactory.instance()
            .client()
            .listImagesCmd()
            .withImageNameFilter(IMAGE)
            .exec()
            .isEmpty(),
        "image " + IMAGE + " is missing: run scripts/airgap-images.sh");
    redis =
        new GenericContainer<>(DockerImageName.parse(IMAGE))
            .withImagePullPolicy(image -> false)
            .withExposedPorts(6379);
    redis.start();
    connectionFactory =
        new LettuceConnectionFactory(
            new RedisStandaloneConfiguration(redis.getHost(), redis.getMappedPort(6379)));
    connectionFactory.afterPropertiesSet();
    connectionFactory.start();
  }

  @AfterAll
  static void stopRedis() {
    if (connectionFactory != null) {
      connectionFactory.destroy();
    }
    if (redis != null) {
      redis.stop();
    }
  }

  @Override
  protected ObjectStore newStore() {
    connectionFactory.getConnection().serverCommands().flushAll();
    return new RedisObjectStore(connectionFactory);
  }
}
