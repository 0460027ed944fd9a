package io.cetus.gateway.config;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.cetus.gateway.filter.ProxyHeadersFilter;

/**
 * Puts {@link ProxyHeadersFilter} in place of the four header filters Spring Cloud Gateway
 * registers when no proxy is trusted ({@code trusted-proxies} unset, the default). Those four
 * copied every request's headers four times and every response's once, about a tenth of the
 * gateway's CPU per request. Where Spring Cloud Gateway registered anything else (trusted proxies
 * configured, or renamed beans in a later version) its own filters stay and this does nothing.
 */
@Configuration(proxyBeanMethods = false)
public class ProxyHeadersConfiguration {

  /** Spring Cloud Gateway's bean names of the filters {@link ProxyHeadersFilter} replaces. */
  static final List<String> REPLACED =
      List.of(
          "removeForwardedHeadersFilter",
          "removeXForwardedHeadersFilter",
          "removeHopByHopHeadersFilter",
          "transferEncodingNormalizationHeadersFilter");

  private static final Log log = LogFactory.getLog(ProxyHeadersConfiguration.class);

  @Bean
  static BeanDefinitionRegistryPostProcessor proxyHeadersFilterReplacement() {
    // Runs after the auto-configurations have registered their bean definitions.
    return (BeanDefinitionRegistry registry) -> {
      if (!REPLACED.stream().allMatch(registry::containsBeanDefinition)) {
        log.info("Spring Cloud Gateway's own header filters stay in place: " + REPLACED);
        return;
      }
      REPLACED.forEach(registry::removeBeanDefinition);
      registry.registerBeanDefinition(
          "proxyRequestHeadersFilter", filter(HttpHeadersFilter.Type.REQUEST));
      registry.registerBeanDefinition(
          "proxyResponseHeadersFilter", filter(HttpHeadersFilter.Type.RESPONSE));
    };
  }

  private static RootBeanDefinition filter(HttpHeadersFilter.Type direction) {
    return new RootBeanDefinition(
        ProxyHeadersFilter.class, () -> new ProxyHeadersFilter(direction));
  }
}
