package io.cetus.objectstore.store;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import io.cetus.objectstore.store.redis.RedisAllocationStore;
import io.cetus.testsupport.redis.RedisServerProcess;

import static org.assertj.core.api.Assertions.assertThat;

class RedisAllocationStoreIT extends AllocationStoreContract {

  private static RedisServerProcess redis;
  private static LettuceConnectionFactory connectionFactory;

  @BeforeAll
  static void startRedis() {
    redis = RedisServerProcess.start();
    connectionFactory =
        new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", redis.port()));
    connectionFactory.afterPropertiesSet();
    connectionFactory.start();
  }

  @AfterAll
  static void stopRedis() {
    connectionFactory.destroy();
    redis.close();
  }

  @Override
  protected AllocationStore newStore() {
    redis.flushAll();
    return new RedisAllocationStore(connectionFactory);
  }

  @Test
  void eachPoolIsOneSetUnderTheClusterHashTag() {
    AllocationStore store = newStore();
    store.claimAll("service-ips", List.of("10.242.128.7", "10.242.128.9"));
    store.claim("node-ports", "30080");

    var redisKeys = new StringRedisTemplate(connectionFactory);

    assertThat(redisKeys.opsForSet().members("{cetus}:alloc:service-ips"))
        .containsExactlyInAnyOrder("10.242.128.7", "10.242.128.9");
    assertThat(redisKeys.opsForSet().members("{cetus}:alloc:node-ports")).containsExactly("30080");
  }
}
