package io.cetus.serviceproxy.dns;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.cetus.client.informer.SharedInformerFactory;

/** The cluster DNS, unless {@code platform.service-proxy.dns.enabled} is false. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DnsProperties.class)
@ConditionalOnBooleanProperty(name = "platform.service-proxy.dns.enabled", matchIfMissing = true)
class DnsConfiguration {

  @Bean
  ClusterDnsServer clusterDnsServer(
      DnsProperties properties,
      SharedInformerFactory informers,
      @Value("${platform.service-proxy.pod-subnet:}") String podSubnet) {
    return ClusterDnsServer.create(properties, informers, podSubnet);
  }

  @Bean
  ClusterDnsHealthIndicator clusterDnsHealthIndicator(ClusterDnsServer clusterDnsServer) {
    return new ClusterDnsHealthIndicator(clusterDnsServer);
  }
}
