package io.cetus.boot;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import io.cetus.api.core.ConfigMap;
import io.cetus.api.meta.ObjectMeta;
import io.cetus.client.ObjectClientFactory;
import io.cetus.client.http.ApiClient;
import io.cetus.controller.reconcile.Request;
import io.cetus.testsupport.client.FakeApiClient;
import io.micrometer.core.instrument.MeterRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PlatformAutoConfigurationTest {

  private final FakeApiClient store = new FakeApiClient();

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(PlatformAutoConfiguration.class));

  @Test
  void defaultsPointAtTheLocalObjectStoreOverRedisWithLeaderElection() {
    new ApplicationContextRunner()
        .withUserConfiguration(PropertiesOnly.class)
        .run(
            context -> {
              PlatformProperties properties = context.getBean(PlatformProperties.class);
              assertThat(properties.getApiUrl()).isEqualTo("http://127.0.0.1:8091");
              assertThat(properties.getRedisUrl()).isEqualTo("redis://127.0.0.1:6379");
              assertThat(properties.getWatchSource())
                  .isEqualTo(PlatformProperties.WatchSource.REDIS);
              assertThat(properties.getLeaderElection().isEnabled()).isTrue();
              assertThat(properties.getLeaderElection().getLeaseDuration())
                  .isEqualTo(Duration.ofSeconds(15));
            });
  }

  @Test
  void apiClientIsMadeForTheConfiguredUrl() {
    runner
        .withPropertyValues(
            "platform.api-url=http://127.0.0.1:1", "platform.leader-election.enabled=false")
        .run(
            context ->
                assertThat(context.getBean(ApiClient.class).baseUri())
                    .hasToString("http://127.0.0.1:1"));
  }

  @EnableConfigurationProperties(PlatformProperties.class)
  static class PropertiesOnly {}

  @Test
  void urlDefaultsFollowTheCetusEnvironmentVariables() {
    var environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                "env",
                Map.of(
                    "CETUS_OBJECT_STORE_URL", "http://store:9000",
                    "CETUS_REDIS_URL", "redis://redis:7000")));

    new PlatformDefaults().postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getProperty("platform.api-url")).isEqualTo("http://store:9000");
    assertThat(environment.getProperty("platform.redis-url")).isEqualTo("redis://redis:7000");
  }

  @Test
  void explicitPlatformPropertiesWinOverTheEnvironmentDefaults() {
    var environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                "config",
                Map.of(
                    "platform.api-url", "http://configured:1",
                    "CETUS_OBJECT_STORE_URL", "http://store:9000")));

    new PlatformDefaults().postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getProperty("platform.api-url")).isEqualTo("http://configured:1");
  }

  @Test
  void controllersReconcileEveryObjectOnceInformersSyncedWithoutLeaderElection() {
    store.forType(ConfigMap.class).create(configMap("before"));

    runnerOnTheFakeStore()
        .run(
            context -> {
              ControllerLifecycle lifecycle = context.getBean(ControllerLifecycle.class);
              ControllerTestConfiguration.Recorder recorder =
                  context.getBean(ControllerTestConfiguration.Recorder.class);
              await().atMost(Duration.ofSeconds(10)).until(lifecycle::controllersStarted);

              store.forType(ConfigMap.class).create(configMap("after"));

              await()
                  .atMost(Duration.ofSeconds(10))
                  .untilAsserted(
                      () ->
                          assertThat(recorder.reconciled)
                              .contains(
                                  new Request("test", "before"), new Request("test", "after")));
              Health health = context.getBean(ControllersHealthIndicator.class).health();
              assertThat(health.getStatus()).isEqualTo(Status.UP);
              assertThat(health.getDetails()).containsEntry("role", "leader");
            });
  }

  @Test
  void reconcileDurationAndQueueDepthArePublishedPerController() {
    store.forType(ConfigMap.class).create(configMap("before"));

    runnerOnTheFakeStore()
        .run(
            context -> {
              MeterRegistry registry = context.getBean(MeterRegistry.class);
              await()
                  .atMost(Duration.ofSeconds(10))
                  .untilAsserted(
                      () ->
                          assertThat(
                                  registry
                                      .get(ControllerMetrics.RECONCILE)
                                      .tags("controller", "configmaps", "result", "success")
                                      .timer()
                                      .count())
                              .isPositive());
              assertThat(
                      registry
                          .get(ControllerMetrics.QUEUE_DEPTH)
                          .tag("controller", "configmaps")
                          .gauge()
                          .value())
                  .isZero();
            });
  }

  @Test
  void closingTheContextStopsControllersAndInformersWithoutTheLeadershipLostAction() {
    var recorder = new ControllerTestConfiguration.Recorder[1];
    var lifecycle = new ControllerLifecycle[1];
    runnerOnTheFakeStore()
        .run(
            context -> {
              await()
                  .atMost(Duration.ofSeconds(10))
                  .until(context.getBean(ControllerLifecycle.class)::controllersStarted);
              recorder[0] = context.getBean(ControllerTestConfiguration.Recorder.class);
              lifecycle[0] = context.getBean(ControllerLifecycle.class);
            });

    int reconciles = recorder[0].reconciled.size();
    store.forType(ConfigMap.class).create(configMap("late"));

    assertThat(lifecycle[0].isRunning()).isFalse();
    assertThat(recorder[0].leadershipLost).isEmpty();
    await()
        .during(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(2))
        .until(() -> recorder[0].reconciled.size() == reconciles);
  }

  private ApplicationContextRunner runnerOnTheFakeStore() {
    return runner
        .withUserConfiguration(ControllerTestConfiguration.class)
        .withBean(ObjectClientFactory.class, () -> store)
        .withPropertyValues("platform.watch-source=http", "platform.leader-election.enabled=false");
  }

  private static ConfigMap configMap(String name) {
    return new ConfigMap(null, null, ObjectMeta.named("test", name), null, Map.of(), null);
  }
}
