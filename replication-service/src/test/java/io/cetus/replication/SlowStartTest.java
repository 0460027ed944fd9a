package io.cetus.replication;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SlowStartTest {

  @Test
  void runsEveryCallWhenAllSucceed() throws Exception {
    var calls = new ConcurrentLinkedQueue<Integer>();

    SlowStart.Outcome outcome = SlowStart.run(10, calls::add);

    assertThat(outcome.attempted()).isEqualTo(10);
    assertThat(outcome.failed()).isFalse();
    assertThat(calls).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
  }

  @Test
  void stopsAfterTheBatchInWhichACallFailed() throws Exception {
    var calls = new ConcurrentLinkedQueue<Integer>();
    IllegalStateException refused = new IllegalStateException("refused");

    // batches: [0], [1, 2], [3..6], [7..9]; index 4 fails in the third
    SlowStart.Outcome outcome =
        SlowStart.run(
            10,
            index -> {
              calls.add(index);
              if (index == 4) {
                throw refused;
              }
            });

    assertThat(outcome.attempted()).isEqualTo(7);
    assertThat(outcome.failures()).containsExactly(refused);
    assertThat(calls).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6);
  }

  @Test
  void aFirstCallThatFailsIsTheOnlyOneMade() throws Exception {
    var calls = new ConcurrentLinkedQueue<Integer>();

    SlowStart.Outcome outcome =
        SlowStart.run(
            500,
            index -> {
              calls.add(index);
              throw new IllegalStateException("quota exceeded");
            });

    assertThat(outcome.attempted()).isEqualTo(1);
    assertThat(List.copyOf(calls)).containsExactly(0);
  }
}
