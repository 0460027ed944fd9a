package io.cetus.objectstore.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link AllocationStore} does; run against the in-memory one and Redis. */
abstract class AllocationStoreContract {

  private AllocationStore store;

  protected abstract AllocationStore newStore();

  @BeforeEach
  void setUp() {
    store = newStore();
  }

  @Test
  void aValueIsClaimedOnceUntilReleased() {
    assertThat(store.claim("ports", "30080")).isTrue();
    assertThat(store.claim("ports", "30080")).isFalse();
    assertThat(store.claim("ips", "30080")).isTrue();

    store.release("ports", List.of("30080", "30081"));

    assertThat(store.claim("ports", "30080")).isTrue();
    assertThat(store.claimed("ports")).containsExactly("30080");
  }

  @Test
  void claimFirstFreeTakesTheFirstCandidateNobodyHolds() {
    store.claim("ports", "1");
    store.claim("ports", "2");

    Optional<String> claimed = store.claimFirstFree("ports", List.of("1", "2", "3", "4"));

    assertThat(claimed).contains("3");
    assertThat(store.claimed("ports")).containsExactlyInAnyOrder("1", "2", "3");
    assertThat(store.claimFirstFree("ports", List.of("1", "2", "3"))).isEmpty();
    assertThat(store.claimFirstFree("ports", List.of())).isEmpty();
  }

  @Test
  void claimAllClaimsWhatIsFreeAndCountsIt() {
    store.claim("ips", "10.0.0.1");

    long claimed = store.claimAll("ips", List.of("10.0.0.1", "10.0.0.2", "10.0.0.3"));

    assertThat(claimed).isEqualTo(2);
    assertThat(store.claimed("ips")).containsExactlyInAnyOrder("10.0.0.1", "10.0.0.2", "10.0.0.3");
    assertThat(store.claimAll("ips", List.of())).isZero();
  }

  @Test
  void anEmptyPoolHasNothing() {
    assertThat(store.claimed("nothing")).isEmpty();
    store.release("nothing", List.of("x"));
  }

  @Test
  void concurrentClaimsNeverHandOutAValueTwice() throws Exception {
    List<String> candidates = IntStream.range(0, 50).mapToObj(Integer::toString).toList();
    List<Future<Optional<String>>> results = new ArrayList<>();
    try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
      for (int i = 0; i < 60; i++) {
        results.add(threads.submit(() -> store.claimFirstFree("ports", candidates)));
      }
    }
    Set<String> handedOut = new HashSet<>();
    int empty = 0;
    for (Future<Optional<String>> result : results) {
      Optional<String> value = result.get();
      if (value.isEmpty()) {
        empty++;
      } else {
        assertThat(handedOut.add(value.get())).as("handed out twice: %s", value).isTrue();
      }
    }

    assertThat(handedOut).hasSize(50);
    assertThat(empty).isEqualTo(10);
  }
}
