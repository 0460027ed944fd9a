package io.cetus.gateway.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.cetus.gateway.filter.StreamHeadersFilter;

/** Streamed responses (watches, followed logs) send their status and headers before any body. */
@Configuration(proxyBeanMethods = false)
public class StreamingConfiguration {

  @Bean
  StreamHeadersFilter streamHeadersFilter() {
    return new StreamHeadersFilter();
  }
}
