package io.cetus.scheduler;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.cetus.api.core.Event;
import io.cetus.api.core.Pod;
import io.cetus.api.errors.ApiException;
import io.cetus.api.errors.Reason;
import io.cetus.controller.event.EventRecorder;
import io.cetus.controller.reconcile.Request;
import io.cetus.controller.workqueue.DefaultWorkQueue;
import io.cetus.scheduler.cache.SchedulerCache;
import io.cetus.testsupport.client.FakeApiClient;

import static io.cetus.scheduler.Fixtures.node;
import static io.cetus.scheduler.Fixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class AsyncBinderTest {

  private final FakeApiClient api = new FakeApiClient();
  private final SchedulerCache cache = new SchedulerCache(Clock.systemUTC());
  private final DefaultWorkQueue<Request> queue = new DefaultWorkQueue<>();
  private final UnschedulablePods backoff = new UnschedulablePods();
  private final AsyncEvents events =
      new AsyncEvents(
          new EventRecorder(api.forType(Event.class), Clock.systemUTC(), "default-scheduler"),
          Runnable::run);
  private final Pod web = pod("web");
  private final Request request = Request.of(web);
  private final List<String> bound = new ArrayList<>();

  AsyncBinderTest() {
    cache.addOrUpdateNode(node("n1", "4", "8Gi"));
  }

  @Test
  void successKeepsTheAssumptionUntilTheInformerShowsThePodAndRecordsAnEvent() throws Exception {
    var binder = binder((pod, node) -> bound.add(node));
    cache.assume(web, "n1");

    binder.bind(request, web, "n1");

    assertThat(bound).containsExactly("n1");
    assertThat(cache.isAssumed(web)).isTrue();
    assertThat(api.forType(Event.class).list("default").items())
        .extracting(Event::reason)
        .containsExactly(SchedulerReconciler.REASON_SCHEDULED);
  }

  @Test
  void failedBindingForgetsTheAssumptionAndRetriesThePodAfterABackoff() throws Exception {
    var binder =
        binder(
            (pod, node) -> {
              throw new ApiException(Reason.INTERNAL_ERROR, "down");
            });
    cache.assume(web, "n1");

    binder.bind(request, web, "n1");

    assertThat(cache.isAssumed(web)).isFalse();
    assertThat(cache.node("n1").pods()).isEmpty();
    assertThat(backoff.all()).containsExactly(request);
    Optional<Request> retried =
        await().atMost(Duration.ofSeconds(10)).until(() -> take(), Optional::isPresent);
    assertThat(retried).contains(request);
    assertThat(api.forType(Event.class).list("default").items()).isEmpty();
  }

  @Test
  void conflictForgetsTheAssumptionWithoutRetrying() throws Exception {
    var binder =
        binder(
            (pod, node) -> {
              throw ApiException.conflict("pods", "web", "bound already");
            });
    cache.assume(web, "n1");

    binder.bind(request, web, "n1");

    assertThat(cache.isAssumed(web)).isFalse();
    assertThat(backoff.all()).isEmpty();
    assertThat(queue.length()).isZero();
  }

  private AsyncBinder binder(io.cetus.scheduler.bind.Binder binder) {
    return new AsyncBinder(binder, cache, events, backoff, queue, Runnable::run, 4);
  }

  private Optional<Request> take() throws InterruptedException {
    return queue.length() == 0 ? Optional.empty() : queue.take();
  }
}
