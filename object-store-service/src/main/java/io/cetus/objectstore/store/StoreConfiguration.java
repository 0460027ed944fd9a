package io.cetus.objectstore.store;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import io.cetus.objectstore.store.memory.InMemoryAllocationStore;
import io.cetus.objectstore.store.memory.InMemoryObjectStore;
import io.cetus.objectstore.store.redis.RedisAllocationStore;
import io.cetus.objectstore.store.redis.RedisObjectStore;

/**
 * The {@link ObjectStore} bean ({@link RedisObjectStore} on Boot's {@link RedisConnectionFactory},
 * or {@link InMemoryObjectStore} when {@code platform.object-store.backend=memory}), its {@link
 * RevisionCompactor}, and the {@link AllocationStore} on the same backend. Uses the context's
 * {@link Clock} bean when there is one. The store is closed on shutdown before the connection
 * factory it depends on.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StoreProperties.class)
public class StoreConfiguration {

  private static final String BACKEND = "platform.object-store.backend";

  @Bean
  @ConditionalOnProperty(name = BACKEND, havingValue = "redis", matchIfMissing = true)
  RedisObjectStore redisObjectStore(
      RedisConnectionFactory connectionFactory, StoreProperties properties) {
    return new RedisObjectStore(connectionFactory, properties.eventTtl());
  }

  @Bean
  @ConditionalOnProperty(name = BACKEND, havingValue = "memory")
  InMemoryObjectStore inMemoryObjectStore(StoreProperties properties, ObjectProvider<Clock> clock) {
    return new InMemoryObjectStore(clock.getIfAvailable(Clock::systemUTC), properties.eventTtl());
  }

  @Bean
  @ConditionalOnProperty(name = BACKEND, havingValue = "redis", matchIfMissing = true)
  RedisAllocationStore redisAllocationStore(RedisConnectionFactory connectionFactory) {
    return new RedisAllocationStore(connectionFactory);
  }

  @Bean
  @ConditionalOnProperty(name = BACKEND, havingValue = "memory")
  InMemoryAllocationStore inMemoryAllocationStore() {
    return new InMemoryAllocationStore();
  }

  /** Takes the properties first, so a wrong backend name fails as a binding error. */
  @Bean
  RevisionCompactor revisionCompactor(
      StoreProperties properties, ObjectStore store, ObjectProvider<Clock> clock) {
    var compactor =
        new RevisionCompactor(
            store, clock.getIfAvailable(Clock::systemUTC), properties.watchHistory());
    compactor.start(properties.compactionInterval());
    return compactor;
  }
}
