package io.cetus.deployment;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.cetus.boot.ControllerMetrics;
import io.cetus.client.ObjectClientFactory;
import io.cetus.client.informer.SharedInformerFactory;
import io.cetus.controller.Controller;

/** The service's controller; the platform starter runs it while this replica leads. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeploymentProperties.class)
class DeploymentConfiguration {

  @Bean
  Controller deploymentController(
      DeploymentProperties properties,
      SharedInformerFactory informers,
      ObjectClientFactory clients,
      Clock clock,
      ControllerMetrics metrics) {
    return DeploymentController.create(
        informers,
        clients,
        clock,
        properties.workers(),
        reconciler -> metrics.timed(DeploymentController.NAME, reconciler));
  }
}
