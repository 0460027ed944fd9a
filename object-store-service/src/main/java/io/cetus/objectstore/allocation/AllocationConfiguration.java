package io.cetus.objectstore.allocation;

import java.util.Random;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.cetus.objectstore.store.AllocationStore;

/** The allocators of Services' cluster IPs and node ports, on the configured ranges. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ServiceNetworkProperties.class)
class AllocationConfiguration {

  @Bean
  ClusterIpAllocator clusterIpAllocator(
      ServiceNetworkProperties properties, AllocationStore allocations) {
    return new ClusterIpAllocator(properties.serviceClusterIpRange(), allocations, new Random());
  }

  @Bean
  NodePortAllocator nodePortAllocator(
      ServiceNetworkProperties properties, AllocationStore allocations) {
    return new NodePortAllocator(properties.serviceNodePortRange(), allocations, new Random());
  }
}
