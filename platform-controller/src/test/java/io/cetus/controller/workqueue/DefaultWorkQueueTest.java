package io.cetus.controller.workqueue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.cetus.testsupport.time.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DefaultWorkQueueTest {

  private final MutableClock clock = new MutableClock();
  private final DefaultWorkQueue<String> queue =
      new DefaultWorkQueue<>(
          clock,
          new ExponentialFailureRateLimiter<>(Duration.ofMillis(5), Duration.ofSeconds(1000)));

  @Test
  void itemAddedTwiceWhilePendingIsTakenOnce() throws InterruptedException {
    queue.add("a");
    queue.add("b");
    queue.add("a");

    assertThat(queue.length()).isEqualTo(2);
    assertThat(queue.take()).contains("a");
    assertThat(queue.take()).contains("b");
    assertThat(queue.length()).isZero();
  }

  @Test
  void itemBeingProcessedIsNotHandedToASecondWorker() throws Exception {
    queue.add("a");
    assertThat(queue.take()).contains("a");

    queue.add("a");
    CompletableFuture<Optional<String>> secondWorker = takeAsync();

    await()
        .during(100, TimeUnit.MILLISECONDS)
        .atMost(1, TimeUnit.SECONDS)
        .until(() -> !secondWorker.isDone());
    queue.done("a");
    assertThat(secondWorker.get(5, TimeUnit.SECONDS)).contains("a");
  }

  @Test
  void itemAddedWhileProcessedIsQueuedAgainOnceOnDone() throws InterruptedException {
    queue.add("a");
    queue.take();
    queue.add("a");
    queue.add("a");

    assertThat(queue.length()).isZero();
    queue.done("a");

    assertThat(queue.length()).isEqualTo(1);
    assertThat(queue.take()).contains("a");
    queue.done("a");
    assertThat(queue.length()).isZero();
  }

  @Test
  void itemsAreHandedOutInTheOrderAdded() throws InterruptedException {
    queue.add("c");
    queue.add("a");
    queue.add("b");

    assertThat(queue.take()).contains("c");
    assertThat(queue.take()).contains("a");
    assertThat(queue.take()).contains("b");
  }

  @Test
  void addAfterQueuesTheItemOnlyOnceTheDelayHasPassed() throws InterruptedException {
    queue.addAfter("a", Duration.ofSeconds(10));

    clock.advance(Duration.ofSeconds(9));
    assertThat(queue.length()).isZero();

    clock.advance(Duration.ofSeconds(1));
    assertThat(queue.take()).contains("a");
  }

  @Test
  void delayedItemsBecomeReadyInTheOrderOfTheirDeadlines() throws InterruptedException {
    queue.addAfter("late", Duration.ofSeconds(30));
    queue.addAfter("early", Duration.ofSeconds(10));
    queue.addAfter("middle", Duration.ofSeconds(20));

    clock.advance(Duration.ofSeconds(30));

    assertThat(queue.take()).contains("early");
    assertThat(queue.take()).contains("middle");
    assertThat(queue.take()).contains("late");
  }

  @Test
  void theEarlierOfTwoDelaysForOneItemWins() throws InterruptedException {
    queue.addAfter("a", Duration.ofSeconds(30));
    queue.addAfter("a", Duration.ofSeconds(5));
    queue.addAfter("a", Duration.ofSeconds(60));

    clock.advance(Duration.ofSeconds(5));
    assertThat(queue.take()).contains("a");
    queue.done("a");

    clock.advance(Duration.ofSeconds(60));
    assertThat(queue.length()).isZero();
  }

  @Test
  void delayedItemAlreadyQueuedIsNotQueuedTwice() {
    queue.add("a");
    queue.addAfter("a", Duration.ofSeconds(1));

    clock.advance(Duration.ofSeconds(1));

    assertThat(queue.length()).isEqualTo(1);
  }

  @Test
  void workerWaitingInTakeWakesWhenADelayPassesOnTheRealClock() throws Exception {
    var realTime = new DefaultWorkQueue<String>();
    CompletableFuture<Optional<String>> worker =
        CompletableFuture.supplyAsync(() -> takeQuietly(realTime));

    realTime.addAfter("a", Duration.ofMillis(50));

    assertThat(worker.get(5, TimeUnit.SECONDS)).contains("a");
  }

  @Test
  void rateLimitedBackoffDoublesPerFailureUntilForgotten() {
    queue.addRateLimited("a");
    assertThat(readyAfter("a")).isEqualTo(Duration.ofMillis(5));
    queue.addRateLimited("a");
    assertThat(readyAfter("a")).isEqualTo(Duration.ofMillis(10));
    queue.addRateLimited("a");
    assertThat(readyAfter("a")).isEqualTo(Duration.ofMillis(20));
    assertThat(queue.numRequeues("a")).isEqualTo(3);

    queue.forget("a");

    assertThat(queue.numRequeues("a")).isZero();
    queue.addRateLimited("a");
    assertThat(readyAfter("a")).isEqualTo(Duration.ofMillis(5));
  }

  @Test
  void backoffOfOneItemDoesNotSlowAnother() {
    queue.addRateLimited("a");
    queue.addRateLimited("a");

    queue.addRateLimited("b");

    assertThat(queue.numRequeues("b")).isEqualTo(1);
    assertThat(queue.numRequeues("a")).isEqualTo(2);
  }

  @Test
  void shutDownDrainsQueuedItemsThenEndsTake() throws Exception {
    queue.add("a");
    queue.add("b");
    queue.addAfter("later", Duration.ofSeconds(1));

    queue.shutDown();
    queue.add("ignored");
    clock.advance(Duration.ofSeconds(1));

    assertThat(queue.take()).contains("a");
    assertThat(queue.take()).contains("b");
    assertThat(queue.take()).isEmpty();
    assertThat(queue.isShuttingDown()).isTrue();
  }

  @Test
  void shutDownReleasesWorkersWaitingInTake() throws Exception {
    CompletableFuture<Optional<String>> worker = takeAsync();

    queue.shutDown();

    assertThat(worker.get(5, TimeUnit.SECONDS)).isEmpty();
  }

  /** How long after now {@code item} becomes ready: the first moment {@code length()} sees it. */
  private Duration readyAfter(String item) {
    Duration waited = Duration.ZERO;
    Duration step = Duration.ofMillis(1);
    while (queue.length() == 0) {
      clock.advance(step);
      waited = waited.plus(step);
    }
    assertThat(takeQuietly(queue)).contains(item);
    queue.done(item);
    return waited;
  }

  private CompletableFuture<Optional<String>> takeAsync() {
    return CompletableFuture.supplyAsync(() -> takeQuietly(queue));
  }

  private static Optional<String> takeQuietly(WorkQueue<String> queue) {
    try {
      return queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
