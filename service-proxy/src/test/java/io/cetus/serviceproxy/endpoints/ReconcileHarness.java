package io.cetus.serviceproxy.endpoints;

import io.cetus.api.core.Endpoints;
import io.cetus.api.core.Event;
import io.cetus.api.core.Pod;
import io.cetus.api.core.PodStatus;
import io.cetus.api.core.Service;
import io.cetus.client.ObjectClient;
import io.cetus.client.informer.SharedInformer;
import io.cetus.controller.event.EventRecorder;
import io.cetus.controller.reconcile.Request;
import io.cetus.controller.reconcile.Result;
import io.cetus.testsupport.client.FakeApiClient;
import io.cetus.testsupport.controller.ControllerFixture;
import io.cetus.testsupport.time.MutableClock;

/**
 * An {@link EndpointsReconciler} called by the test, one reconcile at a time, on an in-memory API
 * server whose timestamps come from a clock the test moves. Writes to Endpoints are recorded.
 */
final class ReconcileHarness implements AutoCloseable {

  private final ControllerFixture fixture = new ControllerFixture();
  final MutableClock clock = fixture.clock();
  final FakeApiClient api = fixture.api();
  final ObjectClient<Service> services = api.forType(Service.class);
  final ObjectClient<Pod> pods = api.forType(Pod.class);
  final ObjectClient<Endpoints> endpoints = api.forType(Endpoints.class);
  final ObjectClient<Event> events = api.forType(Event.class);
  final RecordingObjectClient<Endpoints> endpointWrites = new RecordingObjectClient<>(endpoints);
  final SharedInformer<Service> serviceCache = fixture.informer(Service.class);
  final SharedInformer<Pod> podCache = fixture.informer(Pod.class);
  final SharedInformer<Endpoints> endpointsCache = fixture.informer(Endpoints.class);
  final EndpointsReconciler reconciler =
      new EndpointsReconciler(
          serviceCache.lister(),
          podCache.lister(),
          endpointsCache.lister(),
          endpointWrites,
          new EventRecorder(events, clock, EndpointsController.COMPONENT));

  /** Starts the informers and waits for their first list. */
  ReconcileHarness start() throws InterruptedException {
    fixture.start();
    return this;
  }

  /** Waits for the caches to catch up with the store, then reconciles the service. */
  Result reconcile(String service) throws Exception {
    awaitCachesCaughtUp();
    return reconciler.reconcile(new Request(Fixtures.NAMESPACE, service));
  }

  /** Creates the pod and gives it {@code status}, as a node agent would. */
  Pod run(Pod pod, PodStatus status) {
    Pod created = pods.create(pod);
    return pods.updateStatus(created.withStatus(status));
  }

  /** The Endpoints as the store holds them. */
  Endpoints endpointsOf(String name) {
    return endpoints.get(Fixtures.NAMESPACE, name).orElseThrow();
  }

  /** Waits until the caches hold what the store holds now. */
  void awaitCachesCaughtUp() {
    fixture.awaitCachesCaughtUp();
  }

  @Override
  public void close() {
    fixture.close();
  }
}
