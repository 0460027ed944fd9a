package io.cetus.replication;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.cetus.boot.ControllerMetrics;
import io.cetus.client.ObjectClientFactory;
import io.cetus.client.informer.SharedInformerFactory;
import io.cetus.controller.Controller;

/** The service's controllers; the platform starter runs them while this replica leads. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReplicationProperties.class)
class ReplicationConfiguration {

  @Bean
  Controller replicaSetController(
      ReplicationProperties properties,
      SharedInformerFactory informers,
      ObjectClientFactory clients,
      Clock clock,
      ControllerMetrics metrics) {
    return ReplicaSetController.create(
        informers,
        clients,
        clock,
        properties.replicaSetWorkers(),
        reconciler -> metrics.timed(ReplicaSetController.NAME, reconciler));
  }
}
