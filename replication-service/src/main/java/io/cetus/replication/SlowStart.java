package io.cetus.replication;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs many writes in batches that double while they all succeed (1, 2, 4, ...), the calls of one
 * batch in parallel, and stops after the first batch with a failure. A write the server refuses
 * (quota, admission, a terminating namespace) is then tried once instead of hundreds of times.
 */
final class SlowStart {

  private SlowStart() {}

  /** One write, identified by its index in {@code [0, count)}. */
  @FunctionalInterface
  interface Call {
    void run(int index);
  }

  /**
   * @param attempted the calls made, indices {@code [0, attempted)}; the others were skipped
   * @param failures what the failed calls threw, in index order
   */
  record Outcome(int attempted, List<RuntimeException> failures) {

    Outcome {
      failures = List.copyOf(failures);
    }

    boolean failed() {
      return !failures.isEmpty();
    }
  }

  /** Runs {@code call} for indices {@code 0..count-1}, batch after batch. */
  static Outcome run(int count, Call call) throws InterruptedException {
    List<RuntimeException> failures = new ArrayList<>();
    int done = 0;
    try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int batch = 1; done < count && failures.isEmpty(); batch *= 2) {
        int size = Math.min(batch, count - done);
        List<Future<?>> calls = new ArrayList<>(size);
        for (int i = done; i < done + size; i++) {
          int index = i;
          calls.add(executor.submit(() -> call.run(index)));
        }
        for (Future<?> pending : calls) {
          try {
            pending.get();
          } catch (ExecutionException e) {
            failures.add(
                e.getCause() instanceof RuntimeException runtime
                    ? runtime
                    : new IllegalStateException(e.getCause()));
          }
        }
        done += size;
      }
    }
    return new Outcome(done, failures);
  }
}
