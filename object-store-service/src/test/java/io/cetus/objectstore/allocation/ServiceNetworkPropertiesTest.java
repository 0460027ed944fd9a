package io.cetus.objectstore.allocation;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.cetus.objectstore.store.AllocationStore;
import io.cetus.objectstore.store.memory.InMemoryAllocationStore;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceNetworkPropertiesTest {

  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withUserConfiguration(AllocationConfiguration.class)
          .withBean(AllocationStore.class, InMemoryAllocationStore::new);

  @Test
  void theDefaultsAreTheClusterNetworkLayouts() {
    context.run(
        running -> {
          assertThat(running.getBean(ServiceNetworkProperties.class))
              .isEqualTo(
                  new ServiceNetworkProperties(
                      ServiceIpRange.of("10.242.128.0/18"),
                      new PortRange(30000, 32767),
                      Duration.ofMinutes(3)));
          assertThat(running.getBean(ClusterIpAllocator.class).range())
              .hasToString("10.242.128.0/18");
        });
  }

  @Test
  void theRangesCanBeChanged() {
    context
        .withPropertyValues(
            "platform.object-store.service-cluster-ip-range=10.96.0.0/12",
            "platform.object-store.service-node-port-range=20000-22767",
            "platform.object-store.allocation-repair-interval=30s")
        .run(
            running -> {
              assertThat(running.getBean(ClusterIpAllocator.class).range())
                  .hasToString("10.96.0.0/12");
              assertThat(running.getBean(NodePortAllocator.class).range())
                  .isEqualTo(new PortRange(20000, 22767));
              assertThat(running.getBean(ServiceNetworkProperties.class).allocationRepairInterval())
                  .isEqualTo(Duration.ofSeconds(30));
            });
  }

  @Test
  void aBadRangeStopsTheStartNamingTheSetting() {
    context
        .withPropertyValues("platform.object-store.service-cluster-ip-range=10.242.128.0")
        .run(
            running ->
                assertThat(running)
                    .getFailure()
                    .hasStackTraceContaining("platform.object-store.service-cluster-ip-range")
                    .rootCause()
                    .hasMessageContaining("IPv4 CIDR such as 10.242.128.0/18"));
    context
        .withPropertyValues("platform.object-store.service-node-port-range=32767-30000")
        .run(
            running ->
                assertThat(running)
                    .getFailure()
                    .hasStackTraceContaining("platform.object-store.service-node-port-range")
                    .rootCause()
                    .hasMessageContaining("32767-30000"));
  }
}
