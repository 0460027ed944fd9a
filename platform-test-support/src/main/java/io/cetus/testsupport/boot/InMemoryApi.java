package io.cetus.testsupport.boot;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import io.cetus.testsupport.client.FakeApiClient;

/**
 * The in-memory API server a {@link ControllerServiceTest} runs the service on: the platform
 * starter takes it for its clients and informers, as it backs off when an {@code
 * ObjectClientFactory} bean exists.
 */
@TestConfiguration(proxyBeanMethods = false)
public class InMemoryApi {

  @Bean
  FakeApiClient fakeApiClient() {
    return new FakeApiClient();
  }
}
