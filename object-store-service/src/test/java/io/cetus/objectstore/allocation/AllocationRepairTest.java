package io.cetus.objectstore.allocation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.cetus.api.json.Json;
import io.cetus.api.resource.ResourceTypes;
import io.cetus.objectstore.store.memory.InMemoryAllocationStore;
import io.cetus.objectstore.store.memory.InMemoryObjectStore;
import io.cetus.testsupport.time.MutableClock;

import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class AllocationRepairTest {

  private final InMemoryObjectStore services =
      new InMemoryObjectStore(new MutableClock(Instant.EPOCH), Duration.ofHours(1));
  private final InMemoryAllocationStore allocations = new InMemoryAllocationStore();
  private final ClusterIpAllocator clusterIps =
      new ClusterIpAllocator(ServiceIpRange.of("10.0.0.0/24"), allocations, new Random(1));
  private final NodePortAllocator nodePorts =
      new NodePortAllocator(PortRange.of("30000-30099"), allocations, new Random(1));
  private final AllocationRepair repair =
      new AllocationRepair(
          services,
          clusterIps,
          nodePorts,
          new ServiceNetworkProperties(
              clusterIps.range(), nodePorts.range(), Duration.ofMinutes(3)));

  @Test
  void whatServicesUseIsClaimedAgainAfterTheStateWasLost() {
    store(
        "web",
        "{type: LoadBalancer, clusterIP: 10.0.0.20, externalTrafficPolicy: Local,"
            + " healthCheckNodePort: 30050, ports: [{port: 80, nodePort: 30020}]}");
    store("db", "{clusterIP: None, ports: [{port: 5432}]}");
    store("ext", "{type: ExternalName, externalName: db.example.com}");

    AllocationRepair.Report report = repair.repair();

    assertThat(report.restoredIps()).containsExactly("10.0.0.20");
    assertThat(report.restoredPorts()).containsExactly("30020", "30050");
    assertThat(allocations.claimed(ClusterIpAllocator.POOL)).containsExactly("10.0.0.20");
    assertThat(allocations.claimed(NodePortAllocator.POOL))
        .containsExactlyInAnyOrder("30020", "30050");
  }

  @Test
  void aValueNobodyUsesIsGivenBackAfterThreePassesInARow() {
    allocations.claim(ClusterIpAllocator.POOL, "10.0.0.30");
    allocations.claim(NodePortAllocator.POOL, "30030");

    List<AllocationRepair.Report> passes = List.of(repair.repair(), repair.repair());
    assertThat(passes).allSatisfy(pass -> assertThat(pass.releasedIps()).isEmpty());
    assertThat(allocations.claimed(ClusterIpAllocator.POOL)).containsExactly("10.0.0.30");
    AllocationRepair.Report third = repair.repair();

    assertThat(third.releasedIps()).containsExactly("10.0.0.30");
    assertThat(third.releasedPorts()).containsExactly("30030");
    assertThat(allocations.claimed(ClusterIpAllocator.POOL)).isEmpty();
  }

  @Test
  void aValueThatComesIntoUseStartsItsCountAgain() {
    allocations.claim(ClusterIpAllocator.POOL, "10.0.0.31");
    repair.repair();
    repair.repair();
    store("late", "{clusterIP: 10.0.0.31, ports: [{port: 80}]}");
    repair.repair();
    services.delete(ResourceTypes.SERVICES, "default", "late", null);

    repair.repair();
    repair.repair();

    assertThat(allocations.claimed(ClusterIpAllocator.POOL)).containsExactly("10.0.0.31");
    assertThat(repair.repair().releasedIps()).containsExactly("10.0.0.31");
  }

  @Test
  void claimsOutsideTheRangeGoAtOnceAndServicesOutsideItAreNotTracked() {
    allocations.claim(NodePortAllocator.POOL, "31000");
    store("legacy", "{clusterIP: 10.96.0.10, ports: [{port: 80}]}");

    AllocationRepair.Report report = repair.repair();

    assertThat(report.releasedPorts()).containsExactly("31000");
    assertThat(allocations.claimed(ClusterIpAllocator.POOL)).isEmpty();
    assertThat(allocations.claimed(NodePortAllocator.POOL)).isEmpty();
  }

  @Test
  void servicesAreReadPageByPage() {
    for (int i = 1; i <= 500; i++) {
      store("s" + i, "{type: ExternalName, externalName: db.example.com}");
    }
    store("zz", "{clusterIP: 10.0.0.40, ports: [{port: 80}]}");

    assertThat(repair.repair().restoredIps()).containsExactly("10.0.0.40");
  }

  private void store(String name, String spec) {
    ObjectNode service = Json.mapper().createObjectNode();
    service.put("apiVersion", "v1").put("kind", "Service");
    service.putObject("metadata").put("name", name).put("namespace", "default");
    service.set("spec", Json.yaml().readTree(spec));
    services.create(ResourceTypes.SERVICES, service);
  }
}
