package io.cetus.testsupport.controller;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.cetus.api.meta.ApiObject;
import io.cetus.client.ObjectClient;
import io.cetus.client.informer.SharedInformer;
import io.cetus.client.informer.SharedInformerFactory;
import io.cetus.testsupport.client.FakeApiClient;
import io.cetus.testsupport.time.MutableClock;

import static org.awaitility.Awaitility.await;

/**
 * What a controller's reconcile tests run on: an in-memory API server whose timestamps come from a
 * clock the test moves (the reconciler's "now" too, when it is handed {@link #clock()}), and
 * informers on it, as the controller has them. A test harness builds its reconciler on the
 * informers' listers, {@link #start starts} them, and calls the reconciler one reconcile at a time,
 * {@link #awaitCachesCaughtUp() once the caches hold} what the server holds.
 *
 * <pre>{@code
 * ControllerFixture fixture = new ControllerFixture();
 * SharedInformer<ReplicaSet> replicaSets = fixture.informer(ReplicaSet.class);
 * var reconciler = new ReplicaSetReconciler(replicaSets.lister(), ..., fixture.clock());
 * fixture.start();
 * // the test writes through fixture.api(), then
 * fixture.awaitCachesCaughtUp();
 * reconciler.reconcile(new Request("default", "web"));
 * }</pre>
 */
public final class ControllerFixture implements AutoCloseable {

  /** How long {@link #start} and {@link #awaitCachesCaughtUp} wait. */
  public static final Duration DEADLINE = Duration.ofSeconds(10);

  private final MutableClock clock = new MutableClock();
  private final FakeApiClient api = new FakeApiClient(clock);
  private final SharedInformerFactory informers = new SharedInformerFactory(api);
  private final List<Cached<?>> caches = new ArrayList<>();

  public MutableClock clock() {
    return clock;
  }

  public FakeApiClient api() {
    return api;
  }

  public SharedInformerFactory informers() {
    return informers;
  }

  /** The informer of {@code type}, whose cache {@link #awaitCachesCaughtUp} waits for. */
  public <T extends ApiObject> SharedInformer<T> informer(Class<T> type) {
    SharedInformer<T> informer = informers.forType(type);
    caches.add(new Cached<>(informer, api.forType(type)));
    return informer;
  }

  /**
   * Starts the informers, with the event handlers added to them so far, and waits for their first
   * list.
   */
  public void start() throws InterruptedException {
    informers.start();
    if (!informers.awaitSynced(DEADLINE)) {
      throw new IllegalStateException("informers did not sync");
    }
  }

  /** Waits until every informer's cache holds what the server holds now. */
  public void awaitCachesCaughtUp() {
    // polled often: reconcile tests wait here before every reconcile
    await()
        .atMost(DEADLINE)
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(2))
        .until(() -> caches.stream().allMatch(Cached::caughtUp));
  }

  @Override
  public void close() {
    informers.stop();
  }

  /** An informer and a client of the same kind, to compare what each holds. */
  private record Cached<T extends ApiObject>(SharedInformer<T> informer, ObjectClient<T> client) {

    boolean caughtUp() {
      return versions(informer.lister().list()).equals(versions(client.list(null).items()));
    }

    /** {@code namespace/name} to resourceVersion. */
    private static Map<String, String> versions(List<? extends ApiObject> objects) {
      Map<String, String> versions = new HashMap<>();
      for (ApiObject object : objects) {
        versions.put(
            object.metadata().namespace() + "/" + object.metadata().name(),
            String.valueOf(object.metadata().resourceVersion()));
      }
      return versions;
    }
  }
}
