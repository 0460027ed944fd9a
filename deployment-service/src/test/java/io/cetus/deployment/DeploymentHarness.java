package io.cetus.deployment;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.cetus.api.apps.Deployment;
import io.cetus.api.apps.ReplicaSet;
import io.cetus.api.apps.ReplicaSetStatus;
import io.cetus.api.core.Event;
import io.cetus.api.core.Pod;
import io.cetus.client.ObjectClient;
import io.cetus.client.PatchType;
import io.cetus.client.informer.SharedInformer;
import io.cetus.controller.event.EventRecorder;
import io.cetus.controller.reconcile.Request;
import io.cetus.controller.reconcile.Result;
import io.cetus.controller.workqueue.DefaultWorkQueue;
import io.cetus.testsupport.client.FakeApiClient;
import io.cetus.testsupport.controller.ControllerFixture;
import io.cetus.testsupport.time.MutableClock;

import static io.cetus.deployment.Fixtures.NAMESPACE;

/**
 * A {@link DeploymentReconciler} called by the test, one reconcile at a time, on an in-memory API
 * server whose timestamps and the reconciler's "now" come from one clock the test moves. No replica
 * set controller runs: the test plays it, setting the replica sets' status ({@link #settle}).
 */
final class DeploymentHarness implements AutoCloseable {

  private final ControllerFixture fixture = new ControllerFixture();
  final MutableClock clock = fixture.clock();
  final FakeApiClient api = fixture.api();
  final ObjectClient<Deployment> deployments = api.forType(Deployment.class);
  final ObjectClient<ReplicaSet> replicaSets = api.forType(ReplicaSet.class);
  final ObjectClient<Pod> pods = api.forType(Pod.class);
  final ObjectClient<Event> events = api.forType(Event.class);
  final SharedInformer<Deployment> deploymentCache = fixture.informer(Deployment.class);
  final SharedInformer<ReplicaSet> replicaSetCache = fixture.informer(ReplicaSet.class);
  final SharedInformer<Pod> podCache = fixture.informer(Pod.class);
  final WrittenVersions written = new WrittenVersions();
  final DeploymentReconciler reconciler =
      new DeploymentReconciler(
          deploymentCache.lister(),
          replicaSetCache.lister(),
          podCache.lister(),
          deployments,
          replicaSets,
          new EventRecorder(events, clock, DeploymentController.COMPONENT),
          written,
          clock);

  /** Starts the informers (with the controller's handlers, queuing nowhere) and waits for them. */
  DeploymentHarness start() throws InterruptedException {
    var ignored = new DefaultWorkQueue<Request>();
    deploymentCache.addEventHandler(
        DeploymentController.deploymentEvents(written).enqueuingInto(ignored));
    replicaSetCache.addEventHandler(
        DeploymentController.replicaSetEvents(deploymentCache.lister(), written)
            .enqueuingInto(ignored));
    podCache.addEventHandler(
        DeploymentController.podEvents(replicaSetCache.lister(), deploymentCache.lister())
            .enqueuingInto(ignored));
    fixture.start();
    return this;
  }

  /** Reconciles {@code name} once the caches hold what the store holds. */
  Result reconcile(String name) {
    awaitCachesCaughtUp();
    return reconciler.reconcile(new Request(NAMESPACE, name));
  }

  /**
   * Reconciles until a reconcile writes nothing (at most 20 times), and returns the last result.
   */
  Result reconcileUntilSteady(String name) {
    for (int i = 0; i < 20; i++) {
      String before = api.resourceVersion();
      Result result = reconcile(name);
      if (api.resourceVersion().equals(before)) {
        return result;
      }
    }
    throw new IllegalStateException("deployment " + name + " never settled");
  }

  Deployment deployment(String name) {
    return deployments.get(NAMESPACE, name).orElseThrow();
  }

  /** Every replica set, lowest revision first. */
  List<ReplicaSet> replicaSets() {
    return replicaSets.list(NAMESPACE).items().stream()
        .sorted(Comparator.comparingLong(DeploymentAnnotations::revision))
        .toList();
  }

  ReplicaSet replicaSet(String name) {
    return replicaSets.get(NAMESPACE, name).orElseThrow();
  }

  /**
   * Plays the replica set controller: every replica set has as many pods as it wants, of which
   * those it had available before stay available and, if {@code newPodsBecomeAvailable}, the rest
   * become available too.
   */
  void settle(boolean newPodsBecomeAvailable) {
    for (ReplicaSet rs : replicaSets.list(NAMESPACE).items()) {
      int wanted = ReplicaSetOrder.replicas(rs);
      int available =
          newPodsBecomeAvailable ? wanted : Math.min(wanted, rs.status().availableReplicas());
      setStatus(rs.metadata().name(), wanted, available);
    }
  }

  /** Sets a replica set's status: {@code replicas} pods, {@code available} of them ready. */
  void setStatus(String replicaSet, int replicas, int available) {
    ReplicaSet rs = replicaSet(replicaSet);
    Long generation = rs.metadata().generation();
    ReplicaSetStatus status =
        new ReplicaSetStatus(
            replicas,
            replicas,
            available,
            available,
            generation == null ? 0 : generation,
            rs.status().conditions());
    if (!status.equals(rs.status())) {
      replicaSets.updateStatus(rs.withStatus(status));
    }
  }

  void patchSpec(String deployment, String specJson) {
    deployments.patch(NAMESPACE, deployment, PatchType.MERGE, "{\"spec\":" + specJson + "}");
  }

  /**
   * Changes the template's image, a second after the last change (replica sets are ordered by age).
   */
  void setImage(String deployment, String image) {
    clock.advance(Duration.ofSeconds(1));
    patchSpec(
        deployment,
        "{\"template\":{\"spec\":{\"containers\":[{\"name\":\"app\",\"image\":\""
            + image
            + "\"}]}}}");
  }

  /** Events about the deployment with {@code reason}, oldest first. */
  List<Event> events(String reason) {
    return events.list(NAMESPACE).items().stream()
        .filter(event -> reason.equals(event.reason()))
        .toList();
  }

  List<String> eventMessages(String reason) {
    return events(reason).stream().map(Event::message).toList();
  }

  Optional<ReplicaSet> replicaSetWithImage(String image) {
    return replicaSets.list(NAMESPACE).items().stream()
        .filter(rs -> image.equals(rs.spec().template().spec().containers().getFirst().image()))
        .findFirst();
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
