package io.cetus.boot;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Gives {@code platform.api-url} and {@code platform.redis-url} defaults that follow {@code
 * CETUS_OBJECT_STORE_URL} and {@code CETUS_REDIS_URL}, as the lowest-precedence properties, so
 * every controller service picks up the addresses the way {@code cetus up} and docker-compose pass
 * them, and any {@code platform.*} setting still wins.
 */
public final class PlatformDefaults implements EnvironmentPostProcessor {

  static final String API_URL = "http://127.0.0.1:8091";
  static final String REDIS_URL = "redis://127.0.0.1:6379";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    DefaultPropertiesPropertySource.addOrMerge(
        Map.of(
            "platform.api-url", "${CETUS_OBJECT_STORE_URL:" + API_URL + "}",
            "platform.redis-url", "${CETUS_REDIS_URL:" + REDIS_URL + "}"),
        environment.getPropertySources());
  }
}
