package io.cetus.scheduler;

import java.time.Clock;
import java.util.random.RandomGenerator;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.cetus.boot.ControllerMetrics;
import io.cetus.client.ObjectClientFactory;
import io.cetus.client.informer.SharedInformerFactory;
import io.cetus.controller.Controller;
import io.cetus.scheduler.lifecycle.NodeLifecycleController;
import io.cetus.scheduler.lifecycle.NodeLifecycleSettings;

/**
 * The service's two controllers; the platform starter runs them while this replica leads. The
 * random generator that breaks ties between equally good nodes is a bean, so tests can fix it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SchedulerProperties.class)
class SchedulerConfiguration {

  @Bean
  RandomGenerator schedulerRandom() {
    return RandomGenerator.getDefault();
  }

  @Bean
  Controller schedulerController(
      SchedulerProperties properties,
      SharedInformerFactory informers,
      ObjectClientFactory clients,
      Clock clock,
      RandomGenerator schedulerRandom,
      ControllerMetrics metrics) {
    return SchedulerController.create(
        properties.schedulerName(),
        informers,
        clients,
        clock,
        schedulerRandom,
        properties.percentageOfNodesToScore(),
        properties.maxBindingsInFlight(),
        reconciler -> metrics.timed(SchedulerController.NAME, reconciler));
  }

  @Bean
  Controller nodeLifecycleController(
      SchedulerProperties properties,
      SharedInformerFactory informers,
      ObjectClientFactory clients,
      Clock clock,
      ControllerMetrics metrics) {
    return NodeLifecycleController.create(
        informers,
        clients,
        new NodeLifecycleSettings(
            properties.nodeGracePeriod(),
            properties.podEvictionTimeout(),
            properties.nodeMonitorPeriod()),
        clock,
        reconciler -> metrics.timed(NodeLifecycleController.NAME, reconciler));
  }
}
