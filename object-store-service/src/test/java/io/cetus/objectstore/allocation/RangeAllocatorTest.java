package io.cetus.objectstore.allocation;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.cetus.objectstore.store.memory.InMemoryAllocationStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RangeAllocatorTest {

  private final InMemoryAllocationStore store = new InMemoryAllocationStore();

  @Test
  void randomPicksTakeTheUpperBandBeforeTheStaticOne() {
    // /24: 254 addresses, the lowest 16 (.1 to .16) are the static band
    var allocator = ips("10.0.0.0/24", 1);
    Set<String> picked = new HashSet<>();

    for (int i = 0; i < 238; i++) {
      picked.add(allocator.allocateNext());
    }
    assertThat(picked).hasSize(238).noneMatch(RangeAllocatorTest::inStaticBand);
    String next = allocator.allocateNext();

    assertThat(next).matches(RangeAllocatorTest::inStaticBand);
  }

  @Test
  void everyAddressButNetworkAndBroadcastIsHandedOutThenTheRangeIsFull() {
    var allocator = ips("10.0.0.0/29", 7);
    Set<String> picked = new HashSet<>();

    for (int i = 0; i < 6; i++) {
      picked.add(allocator.allocateNext());
    }
    var full = catchThrowableOfType(AllocationException.class, allocator::allocateNext);

    assertThat(picked)
        .containsExactlyInAnyOrder(
            "10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4", "10.0.0.5", "10.0.0.6");
    assertThat(full.problem()).isEqualTo(AllocationException.Problem.FULL);
    assertThat(full).hasMessage("range is full");
  }

  @Test
  void picksAreRandomNotSequential() {
    var allocator = ips("10.242.128.0/18", 42);

    List<String> picks = List.of(allocator.allocateNext(), allocator.allocateNext());

    assertThat(picks.get(0)).isNotEqualTo(picks.get(1));
    assertThat(store.claimed(ClusterIpAllocator.POOL)).containsExactlyInAnyOrderElementsOf(picks);
  }

  @Test
  void aNearlyFullRangeStillFindsItsLastFreeValue() {
    var ports = new NodePortAllocator(PortRange.of("30000-32767"), store, new Random(3));
    for (int port = 30000; port <= 32767; port++) {
      if (port != 31234) {
        store.claim(NodePortAllocator.POOL, Integer.toString(port));
      }
    }

    assertThat(ports.allocateNextPort()).isEqualTo(31234);
  }

  @Test
  void aRequestedValueMustBeInTheRangeAndFree() {
    var ports = new NodePortAllocator(PortRange.of("31000-31999"), store, new Random(1));
    ports.allocate(31080);

    var taken = catchThrowableOfType(AllocationException.class, () -> ports.allocate(31080));
    var outside = catchThrowableOfType(AllocationException.class, () -> ports.allocate(30080));

    assertThat(taken.problem()).isEqualTo(AllocationException.Problem.ALREADY_ALLOCATED);
    assertThat(taken).hasMessage("provided port is already allocated");
    assertThat(outside.problem()).isEqualTo(AllocationException.Problem.NOT_IN_RANGE);
    assertThat(outside)
        .hasMessage(
            "provided port is not in the valid range. The range of valid ports is 31000-31999");
    assertThatThrownBy(() -> ips("10.0.0.0/24", 1).allocate("10.0.0.255"))
        .hasMessage(
            "the provided IP (10.0.0.255) is not in the valid range. The range of valid IPs is"
                + " 10.0.0.0/24");
  }

  @Test
  void aReleasedValueCanBeHadAgain() {
    var allocator = ips("10.0.0.0/24", 1);
    allocator.allocate("10.0.0.5");

    allocator.release(List.of("10.0.0.5"));
    allocator.allocate("10.0.0.5");

    assertThat(allocator.claimed()).containsExactly("10.0.0.5");
  }

  private ClusterIpAllocator ips(String cidr, long seed) {
    return new ClusterIpAllocator(ServiceIpRange.of(cidr), store, new Random(seed));
  }

  private static boolean inStaticBand(String ip) {
    int last = Integer.parseInt(ip.substring(ip.lastIndexOf('.') + 1));
    return last >= 1 && last <= 16;
  }
}
