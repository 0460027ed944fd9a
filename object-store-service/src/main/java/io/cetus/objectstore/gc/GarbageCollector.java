package io.cetus.objectstore.gc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.cetus.api.errors.ApiErrors;
import io.cetus.api.errors.ApiException;
import io.cetus.api.resource.ResourceType;
import io.cetus.api.resource.ResourceTypes;
import io.cetus.objectstore.service.ApiServerProperties;
import io.cetus.objectstore.service.DeleteOptions;
import io.cetus.objectstore.service.Meta;
import io.cetus.objectstore.service.ObjectService;
import io.cetus.objectstore.service.PropagationPolicy;
import io.cetus.objectstore.store.ObjectStore;
import io.cetus.objectstore.store.StoredEvent;
import io.cetus.objectstore.store.WatchListener;
import io.cetus.objectstore.store.WatchSubscription;

import tools.jackson.databind.node.ObjectNode;

/**
 * Deletes what nobody owns any more, as Kubernetes' garbage collector does:
 *
 * <ul>
 *   <li>a dependent all of whose {@code ownerReferences} point at owners that are gone (no object
 *       of that kind, namespace and name with that uid) is deleted in the background; one that
 *       keeps some owner only loses the references to the gone ones;
 *   <li>an owner deleted with {@code propagationPolicy=Foreground} carries the {@code
 *       foregroundDeletion} finalizer: its dependents are deleted first, then the finalizer is
 *       removed (and the owner with it);
 *   <li>an owner deleted with {@code Orphan} carries the {@code orphan} finalizer: its dependents
 *       lose their reference to it, then the finalizer is removed;
 *   <li>an object left marked for deletion without finalizers (after a crash between two writes) is
 *       removed.
 * </ul>
 *
 * It follows the change streams of every kind and, as a safety net, re-examines everything every
 * {@code platform.object-store.gc-sweep-interval}. All work runs on one background thread and
 * writes through {@link ObjectService}, so watches see every change.
 */
@Component
public class GarbageCollector implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(GarbageCollector.class);

  private final ObjectStore store;
  private final ObjectService objects;
  private final ApiServerProperties properties;
  private final OwnerIndex index = new OwnerIndex();
  private final Map<ResourceType, WatchSubscription> subscriptions = new ConcurrentHashMap<>();
  private @Nullable ScheduledExecutorService executor;
  private volatile boolean running;

  GarbageCollector(ObjectStore store, ObjectService objects, ApiServerProperties properties) {
    this.store = store;
    this.objects = objects;
    this.properties = properties;
  }

  @Override
  public synchronized void start() {
    ScheduledExecutorService worker =
        Executors.newSingleThreadScheduledExecutor(
            task -> Thread.ofPlatform().daemon().name("cetus-gc").unstarted(task));
    executor = worker;
    running = true;
    long interval = properties.gcSweepInterval().toMillis();
    worker.scheduleWithFixedDelay(
        () -> safely("sweep", this::sweep), 0, interval, TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    running = false;
    ScheduledExecutorService worker = executor;
    if (worker != null) {
      worker.shutdownNow();
    }
    subscriptions.values().forEach(WatchSubscription::close);
    subscriptions.clear();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Runs {@link #sweep} soon, on the collector's thread; for tests and operators. */
  public void sweepSoon() {
    submit("sweep", this::sweep);
  }

  private void subscribeAll() {
    for (ResourceType type : ResourceTypes.all()) {
      subscribe(type);
    }
  }

  /**
   * Follows the type's changes from now on. "Now" is read just before subscribing; should the
   * compactor pass it in between (Expired), it is read again. What happened before is the sweep's.
   */
  private void subscribe(ResourceType type) {
    WatchSubscription previous = subscriptions.remove(type);
    if (previous != null) {
      previous.close();
    }
    for (int attempt = 1; ; attempt++) {
      try {
        subscriptions.put(type, store.watch(type, null, store.currentRevision(), listener(type)));
        return;
      } catch (ApiException e) {
        if (!ApiErrors.isGone(e) || attempt == 3) {
          throw e;
        }
      }
    }
  }

  private WatchListener listener(ResourceType type) {
    return new WatchListener() {
      @Override
      public void onEvent(StoredEvent event) {
        submit("event", () -> handle(type, event));
      }

      @Override
      public void onClose(Throwable cause) {
        // changes may have been missed: start again from now and re-examine everything
        submit(
            "resubscribe",
            () -> {
              subscribe(type);
              sweep();
            });
      }
    };
  }

  private void handle(ResourceType type, StoredEvent event) {
    ObjectNode object = event.object();
    ObjectRef ref = ObjectRef.of(type, object);
    if (ref == null) {
      return;
    }
    if (event.type() == StoredEvent.Type.DELETED) {
      index.remove(ref.uid());
      for (ObjectRef dependent : index.dependentsOf(ref.uid())) {
        attemptToDelete(dependent);
      }
      // an owner waiting in foreground deletion may have lost its last dependent
      for (ObjectNode owner : Meta.ownerReferences(object)) {
        ObjectRef ownerRef = index.get(String.valueOf(Meta.nonEmpty(owner, "uid")));
        if (ownerRef != null) {
          current(ownerRef).filter(Meta::isDeleting).ifPresent(o -> processDeleting(ownerRef, o));
        }
      }
      return;
    }
    index.put(type, object);
    if (Meta.isDeleting(object)) {
      processDeleting(ref, object);
    }
    if (event.type() == StoredEvent.Type.ADDED) {
      for (ObjectNode owner : Meta.ownerReferences(object)) {
        String ownerUid = Meta.nonEmpty(owner, "uid");
        if (ownerUid != null && !index.knows(ownerUid)) {
          attemptToDelete(ref);
          break;
        }
      }
    }
  }

  /**
   * Re-reads everything: rebuilds the index and acts on whatever needs it. Subscribes first when
   * that has not worked yet (the store was unreachable at startup).
   */
  private void sweep() {
    if (subscriptions.size() < ResourceTypes.all().size()) {
      subscribeAll();
    }
    index.clear();
    Map<String, ObjectNode> byUid = new HashMap<>();
    Map<ObjectRef, ObjectNode> all = new HashMap<>();
    for (ResourceType type : ResourceTypes.all()) {
      for (ObjectNode object : store.list(type, null, null, 0).items()) {
        ObjectRef ref = ObjectRef.of(type, object);
        if (ref != null) {
          index.put(type, object);
          byUid.put(ref.uid(), object);
          all.put(ref, object);
        }
      }
    }
    for (Map.Entry<ObjectRef, ObjectNode> entry : all.entrySet()) {
      ObjectNode object = entry.getValue();
      if (Meta.isDeleting(object)) {
        processDeleting(entry.getKey(), object);
      }
      for (ObjectNode owner : Meta.ownerReferences(object)) {
        ObjectNode found = byUid.get(String.valueOf(Meta.nonEmpty(owner, "uid")));
        if (found == null || Meta.finalizers(found).contains(Meta.FOREGROUND_DELETION)) {
          attemptToDelete(entry.getKey());
          break;
        }
      }
    }
  }

  /** Acts on an object marked for deletion: its propagation finalizers, or a leftover mark. */
  private void processDeleting(ObjectRef ref, ObjectNode object) {
    List<String> finalizers = Meta.finalizers(object);
    if (finalizers.contains(Meta.ORPHAN)) {
      orphanDependents(ref);
    } else if (finalizers.contains(Meta.FOREGROUND_DELETION)) {
      deleteDependentsFirst(ref);
    } else if (finalizers.isEmpty()
        && !ref.type().equals(ResourceTypes.NAMESPACES)
        && isZero(Meta.deletionGracePeriodSeconds(object))) {
      ignoreGone(
          () ->
              objects.delete(
                  ref.type(),
                  ref.namespace(),
                  ref.name(),
                  new DeleteOptions(PropagationPolicy.BACKGROUND, 0L, ref.uid(), null, false)));
    }
  }

  private void orphanDependents(ObjectRef owner) {
    for (Dependent dependent : dependentsOf(owner)) {
      ignoreGone(
          () ->
              objects.updateInternally(
                  dependent.ref().type(),
                  dependent.ref().namespace(),
                  dependent.ref().name(),
                  object -> withoutOwner(object, dependent.ref().uid(), owner.uid())));
    }
    removeFinalizer(owner, Meta.ORPHAN);
  }

  private void deleteDependentsFirst(ObjectRef owner) {
    List<Dependent> dependents = dependentsOf(owner);
    if (dependents.isEmpty()) {
      removeFinalizer(owner, Meta.FOREGROUND_DELETION);
      return;
    }
    for (Dependent dependent : dependents) {
      if (!Meta.isDeleting(dependent.object())) {
        deleteDependent(dependent.ref(), true);
      }
    }
  }

  /**
   * Deletes a dependent if none of its owners remains (or one is deleting it in the foreground);
   * removes the references to gone owners from one that keeps another owner.
   */
  private void attemptToDelete(ObjectRef ref) {
    Optional<ObjectNode> current = current(ref);
    if (current.isEmpty() || Meta.isDeleting(current.get())) {
      return;
    }
    ObjectNode dependent = current.get();
    List<String> gone = new ArrayList<>();
    boolean kept = false;
    boolean foreground = false;
    for (ObjectNode reference : Meta.ownerReferences(dependent)) {
      String uid = Meta.nonEmpty(reference, "uid");
      String name = Meta.nonEmpty(reference, "name");
      Optional<ResourceType> ownerType =
          ResourceTypes.byKind(
              String.valueOf(Meta.string(reference, "apiVersion")),
              String.valueOf(Meta.string(reference, "kind")));
      if (uid == null || name == null || ownerType.isEmpty()) {
        // an owner of a kind this server does not serve: not ours to judge
        kept = true;
        continue;
      }
      String namespace = ownerType.get().namespaced() ? ref.namespace() : null;
      Optional<ObjectNode> owner =
          store.get(ownerType.get(), namespace, name).filter(o -> uid.equals(Meta.uid(o)));
      if (owner.isEmpty()) {
        gone.add(uid);
      } else if (Meta.isDeleting(owner.get())
          && Meta.finalizers(owner.get()).contains(Meta.FOREGROUND_DELETION)) {
        foreground = true;
      } else {
        kept = true;
      }
    }
    if (!kept && (foreground || !gone.isEmpty())) {
      deleteDependent(ref, foreground);
    } else if (kept && !gone.isEmpty()) {
      ignoreGone(
          () ->
              objects.updateInternally(
                  ref.type(),
                  ref.namespace(),
                  ref.name(),
                  object -> {
                    for (String uid : gone) {
                      withoutOwner(object, ref.uid(), uid);
                    }
                    return object;
                  }));
    }
  }

  /**
   * Deletes a dependent; in the foreground (so that its own dependents go first) when its owner is
   * being deleted that way and it has dependents of its own.
   */
  private void deleteDependent(ObjectRef ref, boolean ownerInForeground) {
    PropagationPolicy policy =
        ownerInForeground && index.hasDependents(ref.uid())
            ? PropagationPolicy.FOREGROUND
            : PropagationPolicy.BACKGROUND;
    ignoreGone(
        () ->
            objects.delete(
                ref.type(),
                ref.namespace(),
                ref.name(),
                new DeleteOptions(policy, null, ref.uid(), null, false)));
  }

  private void removeFinalizer(ObjectRef owner, String finalizer) {
    ignoreGone(
        () ->
            objects.updateInternally(
                owner.type(),
                owner.namespace(),
                owner.name(),
                object -> {
                  if (!owner.uid().equals(Meta.uid(object))) {
                    return object;
                  }
                  List<String> finalizers = Meta.finalizers(object);
                  finalizers.remove(finalizer);
                  Meta.setFinalizers(object, finalizers);
                  return object;
                }));
  }

  /** The objects that name {@code owner} among their owner references, read from the store. */
  private List<Dependent> dependentsOf(ObjectRef owner) {
    List<Dependent> found = new ArrayList<>();
    for (ResourceType type : ResourceTypes.all()) {
      if (owner.type().namespaced() && !type.namespaced()) {
        continue;
      }
      String namespace = owner.type().namespaced() ? owner.namespace() : null;
      for (ObjectNode object : store.list(type, namespace, null, 0).items()) {
        ObjectRef ref = ObjectRef.of(type, object);
        if (ref != null && ownedBy(object, owner.uid())) {
          found.add(new Dependent(ref, object));
        }
      }
    }
    return found;
  }

  private static boolean ownedBy(ObjectNode object, String ownerUid) {
    for (ObjectNode reference : Meta.ownerReferences(object)) {
      if (ownerUid.equals(Meta.nonEmpty(reference, "uid"))) {
        return true;
      }
    }
    return false;
  }

  private static ObjectNode withoutOwner(ObjectNode object, String expectedUid, String ownerUid) {
    if (!expectedUid.equals(Meta.uid(object))) {
      return object;
    }
    ObjectNode metadata = Meta.metadata(object);
    List<ObjectNode> kept = new ArrayList<>();
    for (ObjectNode reference : Meta.ownerReferences(object)) {
      if (!ownerUid.equals(Meta.nonEmpty(reference, "uid"))) {
        kept.add(reference);
      }
    }
    if (kept.isEmpty()) {
      metadata.remove("ownerReferences");
    } else {
      metadata.putArray("ownerReferences").addAll(kept);
    }
    return object;
  }

  private Optional<ObjectNode> current(ObjectRef ref) {
    return store
        .get(ref.type(), ref.namespace(), ref.name())
        .filter(object -> ref.uid().equals(Meta.uid(object)));
  }

  private static boolean isZero(@Nullable Long grace) {
    return grace == null || grace == 0;
  }

  /** Runs a write whose target may have vanished or changed meanwhile: the next event decides. */
  private static void ignoreGone(Runnable write) {
    try {
      write.run();
    } catch (ApiException e) {
      if (!ApiErrors.isNotFound(e) && !ApiErrors.isConflict(e)) {
        throw e;
      }
    }
  }

  private void submit(String what, Runnable task) {
    ScheduledExecutorService worker = executor;
    if (running && worker != null) {
      try {
        worker.execute(() -> safely(what, task));
      } catch (RejectedExecutionException e) {
        // stopping: the work is moot
      }
    }
  }

  private static void safely(String what, Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      log.warn("garbage collection step '{}' failed; the next sweep retries", what, e);
    }
  }

  private record Dependent(ObjectRef ref, ObjectNode object) {}
}
