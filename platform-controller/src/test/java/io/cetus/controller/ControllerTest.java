package io.cetus.controller;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import io.cetus.api.core.ConfigMap;
import io.cetus.client.informer.DefaultSharedInformer;
import io.cetus.client.informer.InformerOptions;
import io.cetus.controller.handler.EventHandlers;
import io.cetus.controller.reconcile.Reconciler;
import io.cetus.controller.reconcile.Request;
import io.cetus.controller.reconcile.Result;
import io.cetus.controller.reconcile.TerminalReconcileException;
import io.cetus.controller.workqueue.ExponentialFailureRateLimiter;
import io.cetus.testsupport.client.FakeListerWatcher;

import static io.cetus.controller.ConfigMaps.configMap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ControllerTest {

  private static final Request A = new Request("ns", "a");

  private final FakeListerWatcher<ConfigMap> source = new FakeListerWatcher<>(ConfigMap.class);
  private final DefaultSharedInformer<ConfigMap> informer =
      new DefaultSharedInformer<>("configmaps", source, InformerOptions.DEFAULTS);
  private final List<String> reconciled = new CopyOnWriteArrayList<>();
  private Controller controller;

  @AfterEach
  void stop() {
    if (controller != null) {
      controller.stop();
    }
    informer.stop();
  }

  @Test
  void reconcilesEveryObjectTheInformerDeliversAndLaterChanges() {
    source.add(configMap("ns", "a"));
    source.add(configMap("ns", "b"));
    controller = watching(recording(request -> Result.DONE), 2);

    informer.start();
    controller.start();
    await().until(() -> reconciled.size() >= 2);
    source.add(configMap("other", "c"));

    await().untilAsserted(() -> assertThat(reconciled).contains("ns/a", "ns/b", "other/c"));
  }

  @Test
  void failedReconcileIsRetriedWithBackoffUntilItSucceeds() {
    var attempts = new AtomicInteger();
    controller =
        builder(
                recording(
                    request -> {
                      if (attempts.incrementAndGet() < 3) {
                        throw new IllegalStateException("conflict, try again");
                      }
                      return Result.DONE;
                    }))
            .build();
    controller.start();

    controller.queue().add(A);

    await().until(() -> attempts.get() == 3);
    await().until(() -> controller.queue().numRequeues(A) == 0);
    assertThat(reconciled).containsExactly("ns/a", "ns/a", "ns/a");
  }

  @Test
  void backoffGrowsWithEveryFailure() {
    List<Long> attemptsAt = new CopyOnWriteArrayList<>();
    controller =
        ControllerBuilder.named("test")
            .rateLimiter(
                new ExponentialFailureRateLimiter<>(Duration.ofMillis(40), Duration.ofSeconds(10)))
            .reconciler(
                request -> {
                  attemptsAt.add(System.nanoTime());
                  throw new IllegalStateException("always failing");
                })
            .build();
    controller.start();

    controller.queue().add(A);

    await().atMost(5, TimeUnit.SECONDS).until(() -> attemptsAt.size() >= 4);
    long firstGap = attemptsAt.get(1) - attemptsAt.get(0);
    long thirdGap = attemptsAt.get(3) - attemptsAt.get(2);
    assertThat(Duration.ofNanos(firstGap)).isGreaterThanOrEqualTo(Duration.ofMillis(40));
    assertThat(Duration.ofNanos(thirdGap)).isGreaterThanOrEqualTo(Duration.ofMillis(160));
  }

  @Test
  void terminalFailureIsNotRetried() {
    controller =
        builder(
                recording(
                    request -> {
                      throw new TerminalReconcileException("spec can never work");
                    }))
            .build();
    controller.start();

    controller.queue().add(A);

    await().until(() -> reconciled.size() == 1);
    await()
        .during(200, TimeUnit.MILLISECONDS)
        .atMost(2, TimeUnit.SECONDS)
        .until(() -> reconciled.size() == 1 && controller.queue().numRequeues(A) == 0);
  }

  @Test
  void requeueAfterReconcilesAgainOnceTheDelayPassed() {
    List<Long> callsAt = new CopyOnWriteArrayList<>();
    controller =
        builder(
                request -> {
                  callsAt.add(System.nanoTime());
                  return callsAt.size() == 1
                      ? Result.requeueIn(Duration.ofMillis(100))
                      : Result.DONE;
                })
            .build();
    controller.start();

    controller.queue().add(A);

    await().until(() -> callsAt.size() == 2);
    assertThat(Duration.ofNanos(callsAt.get(1) - callsAt.get(0)))
        .isGreaterThanOrEqualTo(Duration.ofMillis(100));
    await()
        .during(200, TimeUnit.MILLISECONDS)
        .atMost(2, TimeUnit.SECONDS)
        .until(() -> callsAt.size() == 2);
  }

  @Test
  void oneRequestIsNeverReconciledByTwoWorkersAtOnce() throws InterruptedException {
    var inFlight = new ConcurrentHashMap<Request, AtomicInteger>();
    var maxInFlight = new AtomicInteger();
    var firstStarted = new CountDownLatch(1);
    var release = new CountDownLatch(1);
    controller =
        builder(
                recording(
                    request -> {
                      int now =
                          inFlight
                              .computeIfAbsent(request, r -> new AtomicInteger())
                              .incrementAndGet();
                      maxInFlight.accumulateAndGet(now, Math::max);
                      firstStarted.countDown();
                      release.await(5, TimeUnit.SECONDS);
                      inFlight.get(request).decrementAndGet();
                      return Result.DONE;
                    }))
            .workers(4)
            .build();
    controller.start();

    controller.queue().add(A);
    assertThat(firstStarted.await(5, TimeUnit.SECONDS)).isTrue();
    controller.queue().add(A);
    controller.queue().add(A);
    release.countDown();

    await().until(() -> reconciled.size() == 2);
    assertThat(maxInFlight.get()).isEqualTo(1);
  }

  @Test
  void requestIsInTheLogContextWhileReconciled() {
    Map<String, String> seen = new ConcurrentHashMap<>();
    controller =
        builder(
                request -> {
                  seen.put("request", MDC.get("request"));
                  seen.put("controller", MDC.get("controller"));
                  return Result.DONE;
                })
            .build();
    controller.start();

    controller.queue().add(A);

    await()
        .untilAsserted(
            () ->
                assertThat(seen)
                    .containsEntry("request", "ns/a")
                    .containsEntry("controller", "test"));
  }

  @Test
  void stopWaitsForARunningReconcileToFinish() throws Exception {
    var started = new CountDownLatch(1);
    var release = new CountDownLatch(1);
    var finished = new AtomicInteger();
    controller =
        builder(
                request -> {
                  started.countDown();
                  release.await(5, TimeUnit.SECONDS);
                  finished.incrementAndGet();
                  return Result.DONE;
                })
            .build();
    controller.start();
    controller.queue().add(A);
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

    CompletableFuture<Void> stopping = CompletableFuture.runAsync(controller::stop);

    await()
        .during(100, TimeUnit.MILLISECONDS)
        .atMost(2, TimeUnit.SECONDS)
        .until(() -> !stopping.isDone());
    release.countDown();
    stopping.get(5, TimeUnit.SECONDS);
    assertThat(finished.get()).isEqualTo(1);
    assertThat(controller.queue().isShuttingDown()).isTrue();
  }

  private Controller watching(Reconciler reconciler, int workers) {
    return ControllerBuilder.named("test")
        .watch(informer, EventHandlers.enqueueSelf())
        .workers(workers)
        .reconciler(reconciler)
        .build();
  }

  private static ControllerBuilder builder(Reconciler reconciler) {
    return ControllerBuilder.named("test")
        .rateLimiter(
            new ExponentialFailureRateLimiter<>(Duration.ofMillis(1), Duration.ofMillis(50)))
        .reconciler(reconciler);
  }

  private Reconciler recording(Reconciler delegate) {
    return request -> {
      reconciled.add(request.toString());
      return delegate.reconcile(request);
    };
  }
}
