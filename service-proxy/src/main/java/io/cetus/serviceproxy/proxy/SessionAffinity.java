package io.cetus.serviceproxy.proxy;

import java.time.Duration;
import java.util.Map;

import io.cetus.api.core.ServiceSpec;

/**
 * {@code spec.sessionAffinity: ClientIP} with {@code sessionAffinityConfig.clientIP.timeoutSeconds}
 * (Kubernetes' default: 10800 s, three hours), or none.
 */
record SessionAffinity(boolean clientIp, Duration timeout) {

  static final SessionAffinity NONE = new SessionAffinity(false, Duration.ZERO);
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10800);

  static SessionAffinity of(ServiceSpec spec) {
    if (!"ClientIP".equals(spec.sessionAffinity())) {
      return NONE;
    }
    Duration timeout = DEFAULT_TIMEOUT;
    Map<String, Object> config = spec.sessionAffinityConfig();
    if (config != null
        && config.get("clientIP") instanceof Map<?, ?> clientIp
        && clientIp.get("timeoutSeconds") instanceof Number seconds
        && seconds.longValue() > 0) {
      timeout = Duration.ofSeconds(seconds.longValue());
    }
    return new SessionAffinity(true, timeout);
  }
}
