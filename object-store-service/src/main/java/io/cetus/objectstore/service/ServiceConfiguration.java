package io.cetus.objectstore.service;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wiring of the API layer: its settings and the clock every timestamp comes from. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiServerProperties.class)
class ServiceConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
