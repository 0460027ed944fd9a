package io.cetus.replication;

import java.util.List;
import java.util.function.Predicate;

import io.cetus.api.apps.ReplicaSet;
import io.cetus.api.core.Event;
import io.cetus.api.core.Pod;
import io.cetus.client.ObjectClient;
import io.cetus.client.informer.SharedInformer;
import io.cetus.client.informer.SharedInformerFactory;
import io.cetus.controller.event.EventRecorder;
import io.cetus.controller.reconcile.Request;
import io.cetus.controller.reconcile.Result;
import io.cetus.controller.workqueue.DefaultWorkQueue;
import io.cetus.replication.expectation.PodExpectations;
import io.cetus.testsupport.client.FakeApiClient;
import io.cetus.testsupport.controller.ControllerFixture;
import io.cetus.testsupport.time.MutableClock;

import static org.awaitility.Awaitility.await;

/**
 * A {@link ReplicaSetReconciler} called by the test, one reconcile at a time, on an in-memory API
 * server whose timestamps and the reconciler's "now" come from one clock the test moves. Its
 * informers feed the expectations as the controller's would; what they queue is dropped.
 */
final class ReconcileHarness implements AutoCloseable {

  private final ControllerFixture fixture = new ControllerFixture();
  final MutableClock clock = fixture.clock();
  final FakeApiClient api = fixture.api();
  final ObjectClient<Pod> pods = api.forType(Pod.class);
  final ObjectClient<ReplicaSet> replicaSets = api.forType(ReplicaSet.class);
  final ObjectClient<Event> events = api.forType(Event.class);
  final PodExpectations expectations = new PodExpectations(clock);
  final SharedInformerFactory informers = fixture.informers();
  final SharedInformer<ReplicaSet> replicaSetCache = fixture.informer(ReplicaSet.class);
  final SharedInformer<Pod> podCache = fixture.informer(Pod.class);
  final ReplicaSetReconciler reconciler =
      new ReplicaSetReconciler(
          replicaSetCache.lister(),
          podCache.lister(),
          replicaSets,
          pods,
          expectations,
          new EventRecorder(events, clock, ReplicaSetController.COMPONENT),
          clock);

  /** Starts the informers and waits for their first list. */
  ReconcileHarness start() throws InterruptedException {
    var ignored = new DefaultWorkQueue<Request>();
    replicaSetCache.addEventHandler(
        ReplicaSetController.replicaSetEvents(expectations).enqueuingInto(ignored));
    podCache.addEventHandler(
        ReplicaSetController.podEvents(replicaSetCache.lister(), expectations)
            .enqueuingInto(ignored));
    fixture.start();
    return this;
  }

  Result reconcile(String replicaSet) throws Exception {
    return reconciler.reconcile(new Request(Fixtures.NAMESPACE, replicaSet));
  }

  /** Waits until the caches hold what the store holds now. */
  void awaitCachesCaughtUp() {
    fixture.awaitCachesCaughtUp();
  }

  /** Waits until the cached pods satisfy {@code condition}. */
  void awaitCachedPods(Predicate<List<Pod>> condition) {
    await()
        .atMost(ControllerFixture.DEADLINE)
        .until(() -> condition.test(podCache.lister().list()));
  }

  @Override
  public void close() {
    fixture.close();
  }
}
