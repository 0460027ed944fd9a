package io.cetus.serviceproxy.endpoints;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.cetus.api.core.Endpoints;
import io.cetus.api.core.Event;
import io.cetus.api.core.Pod;
import io.cetus.api.core.PodStatus;
import io.cetus.api.core.Service;
import io.cetus.api.meta.ApiObject;
import io.cetus.client.ObjectClient;
import io.cetus.client.informer.SharedInformer;
import io.cetus.client.informer.SharedInformerFactory;
import io.cetus.controller.event.EventRecorder;
import io.cetus.controller.reconcile.Request;
import io.cetus.controller.reconcile.Result;
import io.cetus.testsupport.client.FakeApiClient;
import io.cetus.testsupport.time.MutableClock;

import static org.awaitility.Awaitility.await;

/**
 * An {@link EndpointsReconciler} called by the test, one reconcile at a time, on an in-memory API
 * server whose timestamps come from a clock the test moves. Writes to Endpoints are recorded.
 */
final class ReconcileHarness implements AutoCloseable {

  static final Duration DEADLINE = Duration.ofSeconds(10);

  final MutableClock clock = new MutableClock();
  final FakeApiClient api = new FakeApiClient(clock);
  final ObjectClient<Service> services = api.forType(Service.class);
  final ObjectClient<Pod> pods = api.forType(Pod.class);
  final ObjectClient<Endpoints> endpoints = api.forType(Endpoints.class);
  final ObjectClient<Event> events = api.forType(Event.class);
  final RecordingObjectClient<Endpoints> endpointWrites = new RecordingObjectClient<>(endpoints);
  final SharedInformerFactory informers = new SharedInformerFactory(api);
  final SharedInformer<Service> serviceCache = informers.forType(Service.class);
  final SharedInformer<Pod> podCache = informers.forType(Pod.class);
  final SharedInformer<Endpoints> endpointsCache = informers.forType(Endpoints.class);
  final EndpointsReconciler reconciler =
      new EndpointsReconciler(
          serviceCache.lister(),
          podCache.lister(),
          endpointsCache.lister(),
          endpointWrites,
          new EventRecorder(events, clock, EndpointsController.COMPONENT));

  /** Starts the informers and waits for their first list. */
  ReconcileHarness start() throws InterruptedException {
    informers.start();
    if (!informers.awaitSynced(DEADLINE)) {
      throw new IllegalStateException("informers did not sync");
    }
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
    await()
        .atMost(DEADLINE)
        .until(
            () ->
                versions(serviceCache.lister().list()).equals(versions(services.list(null).items()))
                    && versions(podCache.lister().list()).equals(versions(pods.list(null).items()))
                    && versions(endpointsCache.lister().list())
                        .equals(versions(endpoints.list(null).items())));
  }

  private static Map<String, String> versions(List<? extends ApiObject> objects) {
    Map<String, String> versions = new HashMap<>();
    for (ApiObject object : objects) {
      versions.put(
          object.metadata().namespace() + "/" + object.metadata().name(),
          String.valueOf(object.metadata().resourceVersion()));
    }
    return versions;
  }

  @Override
  public void close() {
    informers.stop();
  }
}
