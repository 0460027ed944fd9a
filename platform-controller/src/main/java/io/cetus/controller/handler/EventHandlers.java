package io.cetus.controller.handler;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import io.cetus.api.meta.ApiObject;
import io.cetus.api.meta.OwnerReference;
import io.cetus.api.resource.ResourceTypes;
import io.cetus.client.informer.ResourceEventHandler;
import io.cetus.controller.reconcile.Request;
import io.cetus.controller.workqueue.WorkQueue;

/**
 * The event handlers controllers use. Each maps an object to requests; an update enqueues the
 * requests of the old and of the new object (so a dependent that changed owner reaches both), a
 * delete those of the last known state. The queue removes duplicates.
 */
public final class EventHandlers {

  private EventHandlers() {}

  /** Reconcile the object itself: a ReplicaSet controller watching ReplicaSets. */
  public static <T extends ApiObject> EventHandler<T> enqueueSelf() {
    return enqueueSelf(object -> {});
  }

  /**
   * Reconcile the object itself, as {@link #enqueueSelf()} does, first handing a deleted object to
   * {@code onDelete}: a controller forgets what it kept about it (its pod expectations, the
   * versions it wrote) before a worker reconciles it away.
   */
  public static <T extends ApiObject> EventHandler<T> enqueueSelf(Consumer<? super T> onDelete) {
    return queue -> new Mapping<T>(queue, object -> List.of(Request.of(object)), onDelete);
  }

  /**
   * Reconcile the object's controller of kind {@code ownerKind} (the owner reference with {@code
   * controller: true}): a ReplicaSet controller watching Pods. Objects without such an owner are
   * ignored. The owner is looked up in the object's namespace, unless its kind is cluster-scoped.
   */
  public static <T extends ApiObject> EventHandler<T> enqueueOwner(String ownerKind) {
    return enqueueMapped(
        object -> {
          List<Request> owners = new ArrayList<>();
          for (OwnerReference owner : object.metadata().ownerReferences()) {
            if (owner.isController() && ownerKind.equals(owner.kind())) {
              boolean clusterScoped =
                  ResourceTypes.byKind(owner.apiVersion(), owner.kind())
                      .map(type -> !type.namespaced())
                      .orElse(false);
              owners.add(
                  new Request(clusterScoped ? null : object.metadata().namespace(), owner.name()));
            }
          }
          return owners;
        });
  }

  /**
   * Reconcile whatever {@code mapping} names for the object: a Service controller watching Pods
   * maps a pod to the services that select it. The mapping runs on the informer's dispatch thread;
   * read caches, never the API.
   */
  public static <T extends ApiObject> EventHandler<T> enqueueMapped(
      Function<? super T, ? extends Collection<Request>> mapping) {
    return queue -> new Mapping<T>(queue, mapping, object -> {});
  }

  /**
   * Enqueues the requests {@code mapping} names for each object an event is about, after handing a
   * deleted one to {@code onDelete}.
   */
  private record Mapping<T extends ApiObject>(
      WorkQueue<Request> queue,
      Function<? super T, ? extends Collection<Request>> mapping,
      Consumer<? super T> onDelete)
      implements ResourceEventHandler<T> {

    @Override
    public void onAdd(T object, boolean inInitialList) {
      mapping.apply(object).forEach(queue::add);
    }

    @Override
    public void onUpdate(T oldObject, T newObject) {
      if (oldObject != newObject) {
        mapping.apply(oldObject).forEach(queue::add);
      }
      mapping.apply(newObject).forEach(queue::add);
    }

    @Override
    public void onDelete(T lastKnown, boolean finalStateUnknown) {
      onDelete.accept(lastKnown);
      mapping.apply(lastKnown).forEach(queue::add);
    }
  }
}
