package io.cetus.boot;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.util.function.SingletonSupplier;

import io.cetus.client.ObjectClientFactory;
import io.cetus.client.http.ApiClient;
import io.cetus.client.informer.ClientListerWatcher;
import io.cetus.client.informer.ListerWatcherSource;
import io.cetus.client.informer.SharedInformerFactory;
import io.cetus.client.redis.RedisWatchSource;
import io.cetus.controller.Controller;
import io.lettuce.core.RedisClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

/**
 * The platform beans of a controller service, each replaceable by a bean of the same type: a {@link
 * Clock}, the {@link ApiClient} of {@code platform.api-url} (as the {@link ObjectClientFactory}), a
 * {@link RedisClient} of {@code platform.redis-url}, the process's {@link SharedInformerFactory} on
 * {@code platform.watch-source}, {@link ControllerMetrics}, and the {@link ControllerLifecycle}
 * that runs every {@link Controller} bean while this replica leads, with its health indicator
 * ({@code controllers}).
 *
 * <p>A service defines its controllers as beans built from the shared factory's informers:
 *
 * <pre>{@code
 * @Bean
 * Controller replicaSetController(SharedInformerFactory informers, ObjectClientFactory clients,
 *     ControllerMetrics metrics) {
 *   return ControllerBuilder.named("replicaset")
 *       .watch(informers.forType(ReplicaSet.class), EventHandlers.enqueueSelf())
 *       .reconciler(metrics.timed("replicaset", new ReplicaSetReconciler(...)))
 *       .build();
 * }
 * }</pre>
 */
@AutoConfiguration
@EnableConfigurationProperties(PlatformProperties.class)
public class PlatformAutoConfiguration {

  private static final String DEFAULT_SERVICE_NAME = "cetus-controllers";

  @Bean
  @ConditionalOnMissingBean
  Clock platformClock() {
    return Clock.systemUTC();
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean(ObjectClientFactory.class)
  ApiClient platformApiClient(PlatformProperties properties, Environment environment) {
    return ApiClient.builder(properties.getApiUrl()).fieldManager(serviceName(environment)).build();
  }

  @Bean(destroyMethod = "shutdown")
  @ConditionalOnMissingBean
  RedisClient platformRedisClient(PlatformProperties properties) {
    return RedisClient.create(properties.getRedisUrl());
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  SharedInformerFactory platformInformerFactory(
      PlatformProperties properties,
      ObjectClientFactory clients,
      ObjectProvider<RedisClient> redis) {
    ListerWatcherSource source =
        switch (properties.getWatchSource()) {
          case REDIS -> RedisWatchSource.source(clients, redis.getObject());
          case HTTP -> ClientListerWatcher.source(clients);
        };
    return new SharedInformerFactory(source);
  }

  @Bean
  @ConditionalOnMissingBean
  ControllerMetrics controllerMetrics(ObjectProvider<MeterRegistry> registry) {
    // Without a registry (no actuator), meters go to a composite with no members: a no-op.
    return new ControllerMetrics(
        SingletonSupplier.of(() -> registry.getIfAvailable(CompositeMeterRegistry::new)));
  }

  @Bean
  @ConditionalOnMissingBean
  LeadershipLostAction leadershipLostAction(ConfigurableApplicationContext context) {
    return new ExitOnLeadershipLost(context);
  }

  @Bean
  ControllerLifecycle platformControllerLifecycle(
      PlatformProperties properties,
      SharedInformerFactory informers,
      ObjectProvider<Controller> controllers,
      ControllerMetrics metrics,
      ObjectProvider<RedisClient> redis,
      LeadershipLostAction leadershipLost,
      Environment environment) {
    PlatformProperties.LeaderElection election = properties.getLeaderElection();
    return new ControllerLifecycle(
        informers,
        controllers.orderedStream().toList(),
        metrics,
        properties.getInformerSyncTimeout(),
        election.isEnabled()
            ? new ControllerLifecycle.Election(
                redis.getObject(),
                serviceName(environment),
                identity(),
                election.getLeaseDuration())
            : null,
        leadershipLost);
  }

  @Bean
  ControllersHealthIndicator controllersHealthIndicator(ControllerLifecycle lifecycle) {
    return new ControllersHealthIndicator(lifecycle);
  }

  private static String serviceName(Environment environment) {
    return environment.getProperty("spring.application.name", DEFAULT_SERVICE_NAME);
  }

  /** The host name plus a random suffix: unique even for replicas on one host. */
  private static String identity() {
    String host = System.getenv("HOSTNAME");
    if (host == null || host.isBlank()) {
      try {
        host = InetAddress.getLocalHost().getHostName();
      } catch (UnknownHostException e) {
        host = "unknown-host";
      }
    }
    return host + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
