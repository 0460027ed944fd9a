package io.cetus.serviceproxy.endpoints;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.cetus.boot.ControllerMetrics;
import io.cetus.client.ObjectClientFactory;
import io.cetus.client.informer.SharedInformerFactory;
import io.cetus.controller.Controller;

/**
 * The endpoints controller of this proxy, run by the platform starter (without leader election: see
 * {@code application.yaml}); off with {@code platform.service-proxy.endpoints.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EndpointsProperties.class)
@ConditionalOnBooleanProperty(
    name = "platform.service-proxy.endpoints.enabled",
    matchIfMissing = true)
class EndpointsConfiguration {

  @Bean
  Controller endpointsController(
      EndpointsProperties properties,
      SharedInformerFactory informers,
      ObjectClientFactory clients,
      Clock clock,
      ControllerMetrics metrics) {
    return EndpointsController.create(
        informers,
        clients,
        clock,
        properties.workers(),
        reconciler -> metrics.timed(EndpointsController.NAME, reconciler));
  }
}
