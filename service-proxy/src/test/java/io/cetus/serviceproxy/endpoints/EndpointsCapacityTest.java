package io.cetus.serviceproxy.endpoints;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.cetus.api.core.EndpointAddress;
import io.cetus.api.core.EndpointPort;
import io.cetus.api.core.EndpointSubset;

import static org.assertj.core.api.Assertions.assertThat;

class EndpointsCapacityTest {

  @Test
  void withinTheCapacityNothingIsCut() {
    List<EndpointSubset> subsets = List.of(subset(600, 400, 80));

    EndpointsCapacity.Capped capped = EndpointsCapacity.cap(subsets);

    assertThat(capped.truncated()).isFalse();
    assertThat(capped.subsets()).isEqualTo(subsets);
  }

  @Test
  void notReadyAddressesAreCutFirstInProportionToEachSubset() {
    EndpointsCapacity.Capped capped =
        EndpointsCapacity.cap(List.of(subset(500, 300, 80), subset(100, 300, 81)));

    assertThat(capped.truncated()).isTrue();
    // 400 places for 600 not-ready addresses: half each, rounded up
    assertThat(capped.subsets()).extracting(s -> s.addresses().size()).containsExactly(500, 100);
    assertThat(capped.subsets())
        .extracting(s -> s.notReadyAddresses().size())
        .containsExactly(200, 200);
    assertThat(capped.subsets().getFirst().notReadyAddresses().getFirst().ip())
        .isEqualTo("10.1.0.0");
  }

  @Test
  void tooManyReadyAddressesDropEveryNotReadyOne() {
    EndpointsCapacity.Capped capped =
        EndpointsCapacity.cap(List.of(subset(1001, 0, 80), subset(500, 10, 81)));

    assertThat(capped.truncated()).isTrue();
    // ceil(1001/1501*1000) = 667, then what is left: 333
    assertThat(capped.subsets()).extracting(s -> s.addresses().size()).containsExactly(667, 333);
    assertThat(capped.subsets()).allSatisfy(s -> assertThat(s.notReadyAddresses()).isEmpty());
  }

  private static EndpointSubset subset(int ready, int notReady, int port) {
    return new EndpointSubset(
        addresses("10.0.", ready),
        addresses("10.1.", notReady),
        List.of(new EndpointPort(null, port, "TCP", null)));
  }

  private static List<EndpointAddress> addresses(String prefix, int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> new EndpointAddress(prefix + i / 256 + "." + i % 256, null, null, null))
        .toList();
  }
}
