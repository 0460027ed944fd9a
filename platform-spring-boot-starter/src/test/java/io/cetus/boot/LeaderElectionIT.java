package io.cetus.boot;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import io.cetus.api.core.ConfigMap;
import io.cetus.api.meta.ObjectMeta;
import io.cetus.client.ObjectClientFactory;
import io.cetus.testsupport.client.FakeApiClient;
import io.cetus.testsupport.redis.RedisServerProcess;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Two replicas of one service on a real Redis: one works, the other takes over when it goes. */
class LeaderElectionIT {

  private static RedisServerProcess redis;
  private final FakeApiClient store = new FakeApiClient();

  @BeforeAll
  static void startRedis() {
    redis = RedisServerProcess.start();
  }

  @AfterAll
  static void stopRedis() {
    redis.close();
  }

  @BeforeEach
  void emptyRedis() {
    redis.flushAll();
    store.forType(ConfigMap.class).create(configMap("settings"));
  }

  @Test
  void onlyTheLeaderRunsControllersAndTheStandbyTakesOverWhenItStops() {
    try (ConfigurableApplicationContext first = replica();
        ConfigurableApplicationContext second = replica()) {
      await().atMost(Duration.ofSeconds(10)).until(() -> started(first) || started(second));
      ConfigurableApplicationContext leader = started(first) ? first : second;
      ConfigurableApplicationContext standby = leader == first ? second : first;
      ControllerTestConfiguration.Recorder leaderRecorder = recorder(leader);
      assertThat(started(standby)).isFalse();
      assertThat(recorder(standby).reconciled).isEmpty();

      leader.close();

      await().atMost(Duration.ofSeconds(10)).until(() -> started(standby));
      assertThat(recorder(standby).reconciled).isNotEmpty();
      assertThat(leaderRecorder.leadershipLost).isEmpty();
    }
  }

  @Test
  void leaderWhoseLeaseIsTakenStopsItsControllersAndRunsTheLeadershipLostAction() {
    try (ConfigurableApplicationContext replica = replica();
        RedisClient client = RedisClient.create(redis.uri());
        StatefulRedisConnection<String, String> connection = client.connect()) {
      await().atMost(Duration.ofSeconds(10)).until(() -> started(replica));

      connection.sync().set("{cetus}:lease:configmap-service", "someone-else");

      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(recorder(replica).leadershipLost).hasSize(1));
      assertThat(started(replica)).isFalse();
    }
  }

  private ConfigurableApplicationContext replica() {
    var context = new AnnotationConfigApplicationContext();
    TestPropertyValues.of(
            "spring.application.name=configmap-service",
            "platform.watch-source=http",
            "platform.redis-url=" + redis.uri(),
            "platform.leader-election.lease-duration=1500ms")
        .applyTo(context);
    context.registerBean(ObjectClientFactory.class, () -> store);
    context.register(ControllerTestConfiguration.class, PlatformAutoConfiguration.class);
    context.refresh();
    return context;
  }

  private static boolean started(ConfigurableApplicationContext context) {
    return context.isActive() && context.getBean(ControllerLifecycle.class).controllersStarted();
  }

  private static ControllerTestConfiguration.Recorder recorder(
      ConfigurableApplicationContext context) {
    return context.getBean(ControllerTestConfiguration.Recorder.class);
  }

  private static ConfigMap configMap(String name) {
    return new ConfigMap(null, null, ObjectMeta.named("test", name), null, Map.of(), null);
  }
}
