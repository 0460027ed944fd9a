package io.cetus.serviceproxy.proxy;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.cetus.boot.ControllerMetrics;
import io.cetus.client.ObjectClientFactory;
import io.cetus.client.informer.SharedInformerFactory;
import io.cetus.controller.Controller;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The proxy's beans: the cluster IPs it holds, the Netty data plane, and the controller the
 * platform starter runs once the informers have synced. On shutdown the controller stops first,
 * then the listeners and connections close, then the cluster IPs are released.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ServiceProxyProperties.class)
class ProxyConfiguration {

  /** The cluster IPs' holder: {@code ip addr} on the pods' interface, unless switched off. */
  @Bean
  @ConditionalOnMissingBean
  LocalAddresses localAddresses(ServiceProxyProperties properties) {
    return properties.proxy().holdClusterIps()
        ? new IpCommandLocalAddresses(Ipv4Range.parse(properties.podSubnet()))
        : new InMemoryLocalAddresses();
  }

  @Bean(destroyMethod = "close")
  ClusterIps proxyClusterIps(ServiceProxyProperties properties, LocalAddresses localAddresses) {
    return new ClusterIps(localAddresses, Ipv4Range.parse(properties.clusterIpRange()));
  }

  @Bean(destroyMethod = "close")
  Proxier proxier(
      ServiceProxyProperties properties,
      Clock clock,
      ObjectProvider<MeterRegistry> registry,
      ClusterIps clusterIps) { // a dependency, so the listeners close before the IPs go
    ServiceProxyProperties.Proxy proxy = properties.proxy();
    return new Proxier(
        Transport.select(proxy.transport()),
        proxy.eventLoopThreads(),
        proxy.connectTimeout(),
        clock,
        registry.getIfAvailable(SimpleMeterRegistry::new));
  }

  @Bean
  Controller proxyController(
      ServiceProxyProperties properties,
      SharedInformerFactory informers,
      ObjectClientFactory clients,
      Clock clock,
      Proxier proxier,
      ClusterIps clusterIps,
      ControllerMetrics metrics) {
    return ServiceProxyController.create(
        informers,
        clients,
        clock,
        proxier,
        clusterIps,
        NodeAddresses.of(properties.nodeAddress()),
        properties.proxy().workers(),
        reconciler -> metrics.timed(ServiceProxyController.NAME, reconciler));
  }
}
