package io.cetus.objectstore.store;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.StringRedisTemplate;

import io.cetus.api.json.Json;
import io.cetus.objectstore.store.redis.RedisObjectStore;
import io.cetus.testsupport.redis.RedisServerProcess;

import tools.jackson.databind.node.ObjectNode;

import static io.cetus.api.resource.ResourceTypes.CONFIG_MAPS;
import static io.cetus.api.resource.ResourceTypes.DEPLOYMENTS;
import static io.cetus.api.resource.ResourceTypes.EVENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RedisObjectStoreIT extends ObjectStoreContract {

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
  protected ObjectStore newStore() {
    redis.flushAll();
    return new RedisObjectStore(connectionFactory);
  }

  @Test
  void eventsExpireAfterTheirTimeToLive() {
    try (var shortLived = new RedisObjectStore(connectionFactory, Duration.ofMillis(500))) {
      shortLived.create(EVENTS, object("v1", "Event", "default", "e1"));
      shortLived.create(CONFIG_MAPS, configMap("default", "kept", "1"));
      assertThat(shortLived.get(EVENTS, "default", "e1")).isPresent();

      await()
          .atMost(DEADLINE)
          .untilAsserted(() -> assertThat(shortLived.get(EVENTS, "default", "e1")).isEmpty());

      assertThat(shortLived.list(EVENTS, "default", null, 0).items()).isEmpty();
      assertThat(template().opsForZSet().size("{cetus}:idx:events")).isZero();
      assertThat(shortLived.get(CONFIG_MAPS, "default", "kept")).isPresent();
    }
  }

  @Test
  void writesFollowTheSharedRedisLayout() {
    ObjectNode created = store().create(DEPLOYMENTS, deployment("team-a", "web"));
    long revision = revision(created);
    StringRedisTemplate redis = template();

    String stored = redis.opsForValue().get("{cetus}:obj:deployments.apps:team-a:web");
    List<MapRecord<String, Object, Object>> events =
        redis.opsForStream().range("{cetus}:events:deployments.apps", Range.unbounded());

    assertThat(redis.opsForValue().get("{cetus}:rev")).isEqualTo(Long.toString(revision));
    assertThat(Json.mapper().readTree(stored)).isEqualTo(created);
    assertThat(redis.opsForZSet().rangeByScore("{cetus}:idx:deployments.apps", 0, 0))
        .containsExactly("team-a/web");
    assertThat(events).hasSize(1);
    assertThat(events.getFirst().getId().getValue()).isEqualTo(revision + "-0");
    assertThat(events.getFirst().getValue())
        .containsEntry("type", "ADDED")
        .containsEntry("object", stored)
        .hasSize(2);
    store().compact(revision);
    assertThat(redis.opsForValue().get("{cetus}:compacted")).isEqualTo(Long.toString(revision));
  }

  private static StringRedisTemplate template() {
    return new StringRedisTemplate(connectionFactory);
  }
}
